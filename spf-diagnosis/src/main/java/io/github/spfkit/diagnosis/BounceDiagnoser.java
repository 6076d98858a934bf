package io.github.spfkit.diagnosis;

import io.github.spfkit.core.Limits;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.diagnosis.bounce.BounceFacts;
import io.github.spfkit.diagnosis.bounce.BounceReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * Turns a bounce into a {@link Diagnosis}: reads it ({@link BounceReader}), classifies what the
 * rejecting server said ({@link Category}), finds the root cause by a live analysis of the sender's
 * SPF over the DNS seam (lint of the tree and {@code check_host()} for the client IP), and gives
 * advice with a proposed record that has been verified: evaluated against the same DNS in place of
 * the published record, it passes for the bounced IP, and it lints without errors.
 *
 * <pre>{@code
 * BounceDiagnoser diagnoser = BounceDiagnoser.builder()
 *     .dns(lookup)
 *     .locale(Locale.forLanguageTag("id"))
 *     .build();
 * Diagnosis d = diagnoser.diagnose(Files.readAllBytes(bounceFile));
 * System.out.println(d.cause() + ": " + d.advice());
 * }</pre>
 *
 * <p>Without a DNS seam, the diagnosis is made from the bounce alone: causes that need live DNS
 * come out as {@link Cause#UNDETERMINED}.
 *
 * <p>Immutable and safe for concurrent use. Never throws for anything the input or DNS does: input
 * that is too large, malformed or not mail at all gives a diagnosis whose {@link
 * Diagnosis#problems()} say what could not be read. Each diagnosis finishes within the {@link
 * Builder#deadline(Duration) deadline} however slow DNS is; what DNS did not answer in time is
 * reported as a problem.
 */
public final class BounceDiagnoser {

  /** The default input size cap: {@value} bytes (4 MiB). */
  public static final long DEFAULT_MAX_INPUT_BYTES = BounceReader.DEFAULT_MAX_INPUT_BYTES;

  /** The default time for one diagnosis, DNS included: {@value} seconds. */
  public static final long DEFAULT_DEADLINE_SECONDS = 30;

  private final @Nullable DnsLookup dns;
  private final Locale locale;
  private final BounceReader reader;
  private final Duration deadline;
  private final Limits limits;
  private final Executor executor;

  private BounceDiagnoser(Builder builder) {
    this.dns = builder.dns;
    this.locale = builder.locale;
    this.reader = BounceReader.withMaxInputBytes(builder.maxInputBytes);
    this.deadline = builder.deadline;
    this.limits = builder.limits;
    this.executor = builder.executor;
  }

  /**
   * Starts a diagnoser.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Diagnoses a bounce given as raw bytes (an {@code .eml} file, a whole message, or just an SMTP
   * reply line).
   *
   * @param bounce the bounce
   * @return the diagnosis, never {@code null}
   */
  public Diagnosis diagnose(byte[] bounce) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(reader.read(bounce));
  }

  /**
   * Diagnoses a bounce read from a stream; reads at most the size cap and does not close it.
   *
   * @param bounce the bounce
   * @return the diagnosis; a read error is reported in {@link Diagnosis#problems()}
   */
  public Diagnosis diagnose(InputStream bounce) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(reader.read(bounce));
  }

  /**
   * Diagnoses a bounce given as text, for instance a pasted SMTP reply such as {@code 550 5.7.23
   * The message was rejected because of Sender Policy Framework violation}.
   *
   * @param bounce the bounce text
   * @return the diagnosis
   */
  public Diagnosis diagnose(String bounce) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(bounce.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Diagnoses facts already read by a {@link BounceReader}.
   *
   * @param facts the facts
   * @return the diagnosis
   */
  public Diagnosis diagnose(BounceFacts facts) {
    return diagnose(facts, RequestFacts.NONE);
  }

  /**
   * Diagnoses a bounce with facts the user knows (the sender, the client IP, the HELO name), which
   * win over what the bounce says: for a pasted reply such as Microsoft 365's bare {@code 550
   * 5.7.23 The message was rejected because of Sender Policy Framework violation}.
   *
   * @param bounce the raw bounce
   * @param request the user's facts
   * @return the diagnosis; {@link Diagnosis#sources()} says where each fact came from
   */
  public Diagnosis diagnose(byte[] bounce, RequestFacts request) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(reader.read(bounce), request);
  }

  /**
   * Diagnoses a bounce read from a stream with facts the user knows; reads at most the size cap and
   * does not close the stream.
   *
   * @param bounce the bounce
   * @param request the user's facts
   * @return the diagnosis
   */
  public Diagnosis diagnose(InputStream bounce, RequestFacts request) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(reader.read(bounce), request);
  }

  /**
   * Diagnoses a bounce given as text with facts the user knows.
   *
   * @param bounce the bounce text
   * @param request the user's facts
   * @return the diagnosis
   */
  public Diagnosis diagnose(String bounce, RequestFacts request) {
    Objects.requireNonNull(bounce, "bounce");
    return diagnose(bounce.getBytes(StandardCharsets.UTF_8), request);
  }

  /**
   * Diagnoses facts already read by a {@link BounceReader}, with facts the user knows.
   *
   * @param facts the facts read from the bounce
   * @param request the user's facts, which win
   * @return the diagnosis
   */
  public Diagnosis diagnose(BounceFacts facts, RequestFacts request) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(request, "request");
    return new DiagnosisRun(dns, limits, deadline, Messages.of(locale)).run(facts, request);
  }

  /**
   * Asynchronous form of {@link #diagnose(byte[])}, run on the builder's executor; the result is the
   * same. The stage never completes exceptionally for anything the input or DNS does.
   *
   * @param bounce the raw bounce; copied, so the caller may reuse the array
   * @return the diagnosis, eventually
   */
  public CompletionStage<Diagnosis> diagnoseAsync(byte[] bounce) {
    Objects.requireNonNull(bounce, "bounce");
    byte[] copy = bounce.clone();
    return CompletableFuture.supplyAsync(() -> diagnose(copy), executor);
  }

  /**
   * Asynchronous form of {@link #diagnose(String)}.
   *
   * @param bounce the bounce text
   * @return the diagnosis, eventually
   */
  public CompletionStage<Diagnosis> diagnoseAsync(String bounce) {
    Objects.requireNonNull(bounce, "bounce");
    return CompletableFuture.supplyAsync(() -> diagnose(bounce), executor);
  }

  /**
   * The locale advice and evidence are written in.
   *
   * @return the locale given to the builder
   */
  public Locale locale() {
    return locale;
  }

  /**
   * Settings for a diagnoser. Each setter validates its argument at once; a builder may build any
   * number of diagnosers.
   */
  public static final class Builder {
    private @Nullable DnsLookup dns;
    private Locale locale = Locale.ENGLISH;
    private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
    private Duration deadline = Duration.ofSeconds(DEFAULT_DEADLINE_SECONDS);
    private Limits limits = Limits.RFC;
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /**
     * The DNS seam for the live analysis. Without one, the diagnosis is made from the bounce alone.
     *
     * @param dns the DNS seam
     * @return this builder
     */
    public Builder dns(DnsLookup dns) {
      this.dns = Objects.requireNonNull(dns, "dns");
      return this;
    }

    /**
     * The language of advice and evidence: English by default. A locale without a translation
     * falls back to English (Java {@link java.util.ResourceBundle} rules).
     *
     * @param locale the language
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * The most bytes of a bounce that are read, {@value BounceDiagnoser#DEFAULT_MAX_INPUT_BYTES} by
     * default. Longer input is cut there and the cut is reported.
     *
     * @param maxInputBytes the cap in bytes
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxInputBytes(long maxInputBytes) {
      if (maxInputBytes < 1) {
        throw new IllegalArgumentException("maxInputBytes must be positive: " + maxInputBytes);
      }
      this.maxInputBytes = maxInputBytes;
      return this;
    }

    /**
     * The time one diagnosis may take, DNS included; {@value
     * BounceDiagnoser#DEFAULT_DEADLINE_SECONDS} seconds by default.
     *
     * @param deadline the time budget
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive: " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * The SPF processing limits of the live check and the lint; {@link Limits#RFC} by default. The
     * evaluation deadline is capped by {@link #deadline(Duration)}.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Where the asynchronous forms run; the common pool by default. An asynchronous call holds one thread of it
     * while DNS answers (at most the deadline): give heavy users a dedicated executor.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the diagnoser.
     *
     * @return the diagnoser, immutable and thread safe
     */
    public BounceDiagnoser build() {
      return new BounceDiagnoser(this);
    }
  }
}
