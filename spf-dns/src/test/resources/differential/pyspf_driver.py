"""pyspf (Debian python3-spf) as an oracle for spfkit's differential test.

Run with the system interpreter: /usr/bin/python3 pyspf_driver.py PORT RECEIVER DEFAULT_EXPLANATION
Reads one JSON object per line on stdin:
  {"id": "c0001", "ip": "192.0.2.1", "sender": "a@b.test", "helo": "h.test", "scope": "mfrom"}
and writes one per line on stdout: {"id": ..., "result": ..., "explanation": ..., "detail": ...}.
DNS goes to 127.0.0.1:PORT only (pydns defaults), /etc/resolv.conf is not changed.
"""

import json
import sys

import DNS
import spf

PORT = int(sys.argv[1])
RECEIVER = sys.argv[2]
DEFAULT_EXPLANATION = sys.argv[3]

DNS.defaults["server"] = ["127.0.0.1"]
DNS.defaults["port"] = PORT


def lookup(name, qtype, strict=True, timeout=20):
    """pyspf's pydns lookup, with the RCODE checked for UDP answers too.

    pyspf checks the RCODE only after a TCP retry, so a UDP SERVFAIL would read as an empty answer
    (a void lookup) where RFC 7208 section 5 says temperror.
    """
    try:
        resp = DNS.DnsRequest(name, qtype=qtype, timeout=timeout).req()
        if resp.header["tc"]:
            resp = DNS.DnsRequest(name, qtype=qtype, protocol="tcp", timeout=timeout).req()
        if resp.header["rcode"] not in (0, 3):
            raise spf.TempError("DNS %s RCODE %d" % (resp.header["status"], resp.header["rcode"]))
        return [((a["name"], a["typename"]), a["data"]) for a in resp.answers] + [
            ((a["name"], a["typename"]), a["data"]) for a in resp.additional
        ]
    except (AttributeError, IOError, DNS.DNSError) as x:
        raise spf.TempError("DNS " + str(x))


spf.DNSLookup = lookup


def check(case):
    sender = case["sender"]
    if case["scope"] == "helo":
        sender = "postmaster@" + case["helo"]
    q = spf.query(i=case["ip"], s=sender, h=case["helo"], receiver=RECEIVER, strict=True, timeout=5)
    q.exps["fail"] = q.defexps["fail"] = DEFAULT_EXPLANATION
    result, _code, explanation = q.check()
    if result == "fail":
        return {"result": result, "explanation": explanation, "detail": str(q.mechanism or "")}
    detail = q.mechanism if result in ("pass", "softfail", "neutral") else explanation
    return {"result": result, "explanation": None, "detail": str(detail or "")}


for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    case = json.loads(line)
    try:
        out = check(case)
    except Exception as e:  # a crash is a result of its own, compared like the others
        out = {"result": "crash", "explanation": None, "detail": "%s: %s" % (type(e).__name__, e)}
    out["id"] = case["id"]
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
