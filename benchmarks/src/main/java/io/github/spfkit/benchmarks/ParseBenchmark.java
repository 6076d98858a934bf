package io.github.spfkit.benchmarks;

import io.github.spfkit.core.record.ParseResult;
import io.github.spfkit.core.record.RecordParser;
import java.util.concurrent.TimeUnit;
import org.apache.james.jspf.core.SPF1Record;
import org.apache.james.jspf.core.SPFRecordParser;
import org.apache.james.jspf.core.exceptions.NeutralException;
import org.apache.james.jspf.core.exceptions.NoneException;
import org.apache.james.jspf.core.exceptions.PermErrorException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one SPF record into terms: this library's {@link RecordParser} against jSPF's {@code
 * RFC4408SPF1Parser}. {@code record=long} is the 12-term record with macros of the jSPF figures,
 * {@code record=short} the 5-term top record of the tree. The setup checks both parsers accept it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParseBenchmark {

  /** Which record: {@code long} or {@code short}. */
  @Param({"long", "short"})
  public String record = "long";

  private String text = RealisticTree.LONG_RECORD;

  @SuppressWarnings("NullAway.Init") // @Setup
  private SPFRecordParser jspfParser;

  /** Picks the record and checks both parsers accept it. */
  @Setup
  public void setUp() throws PermErrorException, NoneException, NeutralException {
    text =
        switch (record) {
          case "long" -> RealisticTree.LONG_RECORD;
          case "short" -> RealisticTree.SHORT_RECORD;
          default -> throw new IllegalArgumentException("record: long or short, not " + record);
        };
    jspfParser = Jspf.parser(new JspfDns(ZoneData.realisticTree()));
    if (!(thisLibrary() instanceof ParseResult.Valid valid)) {
      throw new IllegalStateException("this library rejects " + text);
    }
    SPF1Record theirs = jspf();
    int jspfTerms = theirs.getDirectives().size() + theirs.getModifiers().size();
    if (jspfTerms != valid.record().terms().size()) {
      throw new IllegalStateException(
          "term counts differ: this library " + valid.record().terms().size() + ", jSPF " + jspfTerms);
    }
  }

  /** This library's parser. */
  @Benchmark
  public ParseResult thisLibrary() {
    return RecordParser.parse(text);
  }

  /** jSPF's parser. */
  @Benchmark
  public SPF1Record jspf() throws PermErrorException, NoneException, NeutralException {
    return jspfParser.parse(text);
  }
}
