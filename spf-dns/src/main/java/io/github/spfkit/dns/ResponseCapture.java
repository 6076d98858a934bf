package io.github.spfkit.dns;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Watches the responses of one lookup, for the TTLs {@code LookupSession} does not pass on: the
 * negative TTL from the SOA in the authority section of the last response (RFC 2308 §5), and the
 * TTLs of the CNAMEs followed on the way. One instance per lookup.
 */
final class ResponseCapture implements Resolver {

  private final Resolver transport;
  private volatile long negativeTtl;
  private volatile long aliasTtl = Long.MAX_VALUE;

  ResponseCapture(Resolver transport) {
    this.transport = transport;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    return transport.sendAsync(query, executor).thenApply(this::observe);
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return transport.sendAsync(query).thenApply(this::observe);
  }

  private Message observe(Message response) {
    long negative = 0;
    for (Record record : response.getSection(Section.AUTHORITY)) {
      if (record instanceof SOARecord soa) {
        negative = RecordData.negativeTtl(soa);
      }
    }
    negativeTtl = negative;
    long alias = aliasTtl;
    for (Record record : response.getSection(Section.ANSWER)) {
      if (record.getType() == Type.CNAME || record.getType() == Type.DNAME) {
        alias = Math.min(alias, record.getTTL());
      }
    }
    aliasTtl = alias;
    return response;
  }

  /** The negative TTL of the last response, 0 if it had no SOA. */
  long negativeTtl() {
    return negativeTtl;
  }

  /** The least TTL of the CNAMEs and DNAMEs seen, or {@link Long#MAX_VALUE} if none. */
  long aliasTtl() {
    return aliasTtl;
  }

  @Override
  public Duration getTimeout() {
    return transport.getTimeout();
  }

  @Override
  public void setPort(int port) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTCP(boolean flag) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setIgnoreTruncation(boolean flag) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTSIGKey(TSIG key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTimeout(Duration timeout) {
    throw new UnsupportedOperationException();
  }
}
