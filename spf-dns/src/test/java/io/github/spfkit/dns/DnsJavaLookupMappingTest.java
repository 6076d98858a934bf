package io.github.spfkit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;

/**
 * How {@link DnsJavaLookup} maps every response dnsjava can hand it, fed crafted responses: the
 * outcomes a standard authoritative server does not produce on demand (NXRRSET, NOTIMP, zero-string
 * TXT records, duplicate CNAMEs, a resolver that throws or never answers).
 */
final class DnsJavaLookupMappingTest {

  private static final Name NAME = Name.fromConstantString("example.test.");

  /** Answers each query with what the test's function makes of it. */
  private record Scripted(Function<Message, CompletionStage<Message>> script) implements Resolver {
    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
      return script.apply(query);
    }

    @Override
    public void setPort(int port) {}

    @Override
    public void setTCP(boolean flag) {}

    @Override
    public void setIgnoreTruncation(boolean flag) {}

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {}

    @Override
    public void setTSIGKey(TSIG key) {}

    @Override
    public void setTimeout(Duration timeout) {}
  }

  private static DnsAnswer ask(Function<Message, CompletionStage<Message>> script) {
    return ask(script, Duration.ofSeconds(5));
  }

  private static DnsAnswer ask(
      Function<Message, CompletionStage<Message>> script, Duration deadline) {
    DnsJavaLookup dns =
        new DnsJavaLookup(new Scripted(script), List.of(), deadline, ForkJoinPool.commonPool());
    return dns.lookup("example.test", RecordType.TXT).toCompletableFuture().join();
  }

  private static Function<Message, CompletionStage<Message>> responding(
      int rcode, List<Record> answers, List<Record> authority) {
    return query -> {
      Message response = new Message(query.getHeader().getID());
      response.getHeader().setFlag(Flags.QR);
      response.getHeader().setFlag(Flags.AA);
      response.getHeader().setRcode(rcode);
      response.addRecord(query.getQuestion(), Section.QUESTION);
      answers.forEach(r -> response.addRecord(r, Section.ANSWER));
      authority.forEach(r -> response.addRecord(r, Section.AUTHORITY));
      return CompletableFuture.completedFuture(response);
    };
  }

  private static SOARecord soa(long ttl, long minimum) {
    Name zone = Name.fromConstantString("test.");
    return new SOARecord(
        zone, DClass.IN, ttl, Name.fromConstantString("ns.test."),
        Name.fromConstantString("hostmaster.test."), 1, 3600, 600, 86400, minimum);
  }

  @Test
  void answersNoRecordsForAnNxrrsetResponse() {
    assertThat(ask(responding(Rcode.NXRRSET, List.of(), List.of(soa(300, 40)))))
        .isEqualTo(new DnsAnswer.NoRecords(40));
  }

  @Test
  void answersNoRecordsForAnEmptyResponseWithTheLesserOfSoaTtlAndMinimum() {
    assertThat(ask(responding(Rcode.NOERROR, List.of(), List.of(soa(300, 50)))))
        .isEqualTo(new DnsAnswer.NoRecords(50));
    assertThat(ask(responding(Rcode.NOERROR, List.of(), List.of(soa(20, 50)))))
        .isEqualTo(new DnsAnswer.NoRecords(20));
  }

  @Test
  void answersNoSuchDomainWithTheSoaNegativeTtl() {
    assertThat(ask(responding(Rcode.NXDOMAIN, List.of(), List.of(soa(30, 600)))))
        .isEqualTo(new DnsAnswer.NoSuchDomain(30));
  }

  @Test
  void answersNoRecordsWithTtlZeroForAReferral() {
    NSRecord delegation =
        new NSRecord(NAME, DClass.IN, 3600, Name.fromConstantString("ns.elsewhere."));

    assertThat(ask(responding(Rcode.NOERROR, List.of(), List.of(delegation))))
        .isEqualTo(new DnsAnswer.NoRecords(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {Rcode.SERVFAIL, Rcode.REFUSED, Rcode.NOTIMP, Rcode.FORMERR, Rcode.YXDOMAIN})
  void answersATemporaryFailureForAnErrorRcode(int rcode) {
    DnsAnswer answer = ask(responding(rcode, List.of(), List.of()));

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(((DnsAnswer.TemporaryFailure) answer).reason())
        .contains(rcode == Rcode.SERVFAIL ? "SERVFAIL" : Rcode.string(rcode));
  }

  @Test
  void answersOneEmptyTextForATxtRecordOfZeroStrings() {
    TXTRecord empty = new TXTRecord(NAME, DClass.IN, 300, List.of());

    assertThat(ask(responding(Rcode.NOERROR, List.of(empty), List.of())))
        .isEqualTo(new DnsAnswer.Records(List.of(""), 300));
  }

  @Test
  void keepsOnlyRecordsOfTheTypeAsked() throws Exception {
    TXTRecord txt = new TXTRecord(NAME, DClass.IN, 300, "v=spf1 -all");
    ARecord stray = new ARecord(NAME, DClass.IN, 5, InetAddress.getByName("192.0.2.1"));

    assertThat(ask(responding(Rcode.NOERROR, List.of(stray, txt), List.of())))
        .isEqualTo(new DnsAnswer.Records(List.of("v=spf1 -all"), 300));
  }

  @Test
  void followsACnameAcrossResponsesKeepingTheLeastTtl() {
    Name target = Name.fromConstantString("target.test.");
    Record alias = new CNAMERecord(NAME, DClass.IN, 45, target);
    Record txt = new TXTRecord(target, DClass.IN, 300, "v=spf1 -all");

    DnsAnswer answer =
        ask(
            query ->
                query.getQuestion().getName().equals(NAME)
                    ? responding(Rcode.NOERROR, List.of(alias), List.of()).apply(query)
                    : responding(Rcode.NOERROR, List.of(txt), List.of()).apply(query));

    assertThat(answer).isEqualTo(new DnsAnswer.Records(List.of("v=spf1 -all"), 45));
  }

  @Test
  void answersNoSuchDomainWhenACnameTargetDoesNotExist() {
    Record alias =
        new CNAMERecord(NAME, DClass.IN, 45, Name.fromConstantString("gone.test."));

    DnsAnswer answer =
        ask(
            query ->
                query.getQuestion().getName().equals(NAME)
                    ? responding(Rcode.NOERROR, List.of(alias), List.of()).apply(query)
                    : responding(Rcode.NXDOMAIN, List.of(), List.of(soa(300, 20))).apply(query));

    assertThat(answer).isEqualTo(new DnsAnswer.NoSuchDomain(20));
  }

  @Test
  void answersATemporaryFailureForAnIoError() {
    DnsAnswer answer = ask(query -> CompletableFuture.failedFuture(new IOException("reset")));

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(((DnsAnswer.TemporaryFailure) answer).reason()).contains("reset");
  }

  @Test
  void answersATemporaryFailureWhenTheResolverThrows() {
    assertThat(
            ask(
                query -> {
                  throw new IllegalStateException("bug");
                }))
        .isInstanceOf(DnsAnswer.TemporaryFailure.class);
  }

  @Test
  void answersATemporaryFailureAtTheDeadlineWhenTheResolverNeverCompletes() {
    long start = System.nanoTime();

    DnsAnswer answer = ask(query -> new CompletableFuture<>(), Duration.ofMillis(100));

    assertThat(answer).isInstanceOf(DnsAnswer.TemporaryFailure.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }
}
