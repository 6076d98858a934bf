# Runs the stock policyd-spf (postfix-policyd-spf-python) with its DNS pointed at a test server on
# 127.0.0.1:PORT, without touching /etc/resolv.conf: pyspf resolves through pydns ("DNS"), whose
# defaults are replaced after pyspf has read the system configuration at import.
#   /usr/bin/python3 policyd-spf-wrapper.py PORT CONFIG   (requests on stdin, answers on stdout)
import sys

import DNS
import spf  # noqa: F401  (imports pydns and reads resolv.conf once)

DNS.defaults["server"] = ["127.0.0.1"]
DNS.defaults["port"] = int(sys.argv[1])
DNS.defaults["timeout"] = 2

sys.argv = ["policyd-spf", sys.argv[2]]
from spf_engine.policyd_spf import main  # noqa: E402

sys.exit(main())
