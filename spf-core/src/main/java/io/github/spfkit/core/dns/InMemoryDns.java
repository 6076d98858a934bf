package io.github.spfkit.core.dns;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link DnsLookup} answering from a fixed set of records held in memory: for tests, for what-if
 * checks and for benchmarks. Immutable once built and safe for concurrent use.
 *
 * <p>Answers follow DNS semantics: a name with records of another type, or with names beneath it,
 * answers {@link DnsAnswer.NoRecords} (NODATA); any other name answers {@link
 * DnsAnswer.NoSuchDomain} (NXDOMAIN). Names marked with {@link Builder#timeout(String)} answer
 * {@link DnsAnswer.TemporaryFailure} for every type. Names compare without regard to ASCII case and
 * to a trailing dot.
 *
 * <p>When built with {@link Builder#recordQueries()}, every question is kept, in order, until
 * {@link #clearQueries()}; tests use this to assert what an evaluation asked. Without it nothing is
 * kept.
 *
 * <pre>{@code
 * InMemoryDns dns = InMemoryDns.builder()
 *     .txt("example.com", "v=spf1 mx -all")
 *     .mx("example.com", "mail.example.com")
 *     .a("mail.example.com", "192.0.2.10")
 *     .build();
 * }</pre>
 */
public final class InMemoryDns implements DnsLookup {

  /** CNAME hops followed before a chain counts as a loop (a temporary failure, RFC 1034 §3.6.2). */
  public static final int MAX_CNAME_HOPS = 16;

  /** The TTL given to every answer. */
  public static final long TTL_SECONDS = 300;

  private final Map<String, Map<RecordType, DnsAnswer.Records>> records;
  private final Set<String> existing;
  private final Set<String> timeouts;
  private final Map<String, String> aliases;
  private final boolean recording;
  private final ConcurrentLinkedQueue<DnsQuestion> queries = new ConcurrentLinkedQueue<>();

  private InMemoryDns(Builder builder) {
    Map<String, Map<RecordType, DnsAnswer.Records>> copy = new HashMap<>();
    builder.records.forEach(
        (name, byType) -> {
          Map<RecordType, DnsAnswer.Records> types = new EnumMap<>(RecordType.class);
          byType.forEach(
              (type, data) -> {
                if (!data.isEmpty()) {
                  // answers are immutable: made once, given to every question
                  types.put(type, new DnsAnswer.Records(data, TTL_SECONDS));
                }
              });
          copy.put(name, types);
        });
    this.records = copy;
    this.timeouts = Set.copyOf(builder.timeouts);
    this.aliases = Map.copyOf(builder.aliases);
    Set<String> names = new HashSet<>();
    for (String name : copy.keySet()) {
      addWithParents(names, name);
    }
    for (String name : timeouts) {
      addWithParents(names, name);
    }
    for (String name : aliases.keySet()) {
      addWithParents(names, name);
    }
    this.existing = names;
    this.recording = builder.recording;
  }

  private static void addWithParents(Set<String> names, String name) {
    String current = name;
    while (true) {
      names.add(current);
      int dot = current.indexOf('.');
      if (dot < 0) {
        return;
      }
      current = current.substring(dot + 1);
    }
  }

  /**
   * Starts an empty set of records.
   *
   * @return a new builder with no records, not recording queries
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (recording) {
      queries.add(new DnsQuestion(name, type));
    }
    return CompletableFuture.completedFuture(answer(name, type));
  }

  /**
   * The answer to one question, without going through a {@link CompletionStage}.
   *
   * @param name the name asked for
   * @param type the record type
   * @return the answer
   */
  public DnsAnswer answer(String name, RecordType type) {
    if (aliases.isEmpty()) {
      // a name with records, asked as it is stored (lower case, no trailing dot): the common case
      Map<RecordType, DnsAnswer.Records> exact = records.get(name);
      if (exact != null) {
        DnsAnswer.Records data = exact.get(type);
        if (data != null) {
          return data;
        }
      }
    }
    String key = normalize(name);
    int hops = 0;
    for (String next = aliases.get(key); next != null; next = aliases.get(key)) {
      if (++hops > MAX_CNAME_HOPS) {
        return new DnsAnswer.TemporaryFailure("CNAME chain too long or looping at " + name);
      }
      key = next;
    }
    Map<RecordType, DnsAnswer.Records> byType = records.get(key);
    if (byType != null) {
      DnsAnswer.Records data = byType.get(type);
      if (data != null) {
        return data;
      }
    }
    if (timeouts.contains(key)) {
      return new DnsAnswer.TemporaryFailure("timed out: " + name + " " + type);
    }
    return existing.contains(key)
        ? new DnsAnswer.NoRecords(TTL_SECONDS)
        : new DnsAnswer.NoSuchDomain(TTL_SECONDS);
  }

  /**
   * The questions asked so far, oldest first; empty unless built with {@link
   * Builder#recordQueries()}.
   *
   * @return a snapshot of the questions, in the order they were asked; later questions do not
   *     change it
   */
  public List<DnsQuestion> queries() {
    return List.copyOf(new ArrayList<>(queries));
  }

  /** Forgets the questions recorded so far. */
  public void clearQueries() {
    queries.clear();
  }

  static String normalize(String name) {
    if (isNormal(name)) {
      return name;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Whether the name is in lower-case ASCII without a trailing dot already (the common case). */
  private static boolean isNormal(String name) {
    int length = name.length();
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
        return false;
      }
    }
    return length == 0 || name.charAt(length - 1) != '.';
  }

  /** Collects records; not thread safe, each {@link #build()} takes a snapshot. */
  public static final class Builder {
    private final Map<String, Map<RecordType, List<String>>> records = new HashMap<>();
    private final Set<String> timeouts = new HashSet<>();
    private final Map<String, String> aliases = new HashMap<>();
    private boolean recording;

    private Builder() {}

    /**
     * Adds one record.
     *
     * @param name the owner name
     * @param type the record type
     * @param data the record in the form {@link DnsAnswer.Records} documents
     * @return this builder
     */
    public Builder add(String name, RecordType type, String data) {
      Objects.requireNonNull(data, "data");
      records
          .computeIfAbsent(normalize(name), n -> new EnumMap<>(RecordType.class))
          .computeIfAbsent(type, t -> new ArrayList<>())
          .add(data);
      return this;
    }

    /**
     * Adds a TXT record (its strings already joined).
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @param text the record's text, its character-strings joined with no separator; not null
     * @return this builder
     */
    public Builder txt(String name, String text) {
      return add(name, RecordType.TXT, text);
    }

    /**
     * Adds a type-99 SPF record.
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @param text the record's text, its character-strings joined with no separator; not null
     * @return this builder
     */
    public Builder spf(String name, String text) {
      return add(name, RecordType.SPF, text);
    }

    /**
     * Adds an A or AAAA record, chosen by the literal's form.
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @param address an address literal: with a {@code :} it is an AAAA record ({@code
     *     2001:db8::1}), otherwise an A record ({@code 192.0.2.1}); stored as given, not checked
     * @return this builder
     */
    public Builder a(String name, String address) {
      return add(name, address.indexOf(':') >= 0 ? RecordType.AAAA : RecordType.A, address);
    }

    /**
     * Adds an MX record pointing at {@code exchange}.
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @param exchange the mail exchanger's host name; a trailing dot is dropped; not null
     * @return this builder
     */
    public Builder mx(String name, String exchange) {
      return add(name, RecordType.MX, stripDot(exchange));
    }

    /**
     * Adds a PTR record, {@code name} being the reverse name (e.g. {@code 4.3.2.1.in-addr.arpa}).
     *
     * @param name the reverse name; case and a trailing dot do not matter; not null
     * @param target the host name it points to; a trailing dot is dropped; not null
     * @return this builder
     */
    public Builder ptr(String name, String target) {
      return add(name, RecordType.PTR, stripDot(target));
    }

    /**
     * Marks a name as existing without giving it records: it answers NODATA for every type. (Any
     * name with records, or with names beneath it, exists anyway.)
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @return this builder
     */
    public Builder exists(String name) {
      records.computeIfAbsent(normalize(name), n -> new EnumMap<>(RecordType.class));
      return this;
    }

    /**
     * Makes {@code name} an alias of {@code target} (a CNAME): questions about it are answered for
     * the target, chains are followed, and a loop answers {@link DnsAnswer.TemporaryFailure}.
     *
     * @param name the alias; case and a trailing dot do not matter; not null
     * @param target the name it stands for; case and a trailing dot do not matter; not null
     * @return this builder
     */
    public Builder cname(String name, String target) {
      aliases.put(normalize(name), normalize(target));
      return this;
    }

    /**
     * Makes questions about {@code name} answer {@link DnsAnswer.TemporaryFailure}, for every type
     * that has no records at the name (as a failing server would, with some data still cached).
     *
     * @param name the owner name; case and a trailing dot do not matter; not null
     * @return this builder
     */
    public Builder timeout(String name) {
      timeouts.add(normalize(name));
      return this;
    }

    /**
     * Keeps every question asked, for {@link InMemoryDns#queries()}.
     *
     * @return this builder
     */
    public Builder recordQueries() {
      this.recording = true;
      return this;
    }

    /**
     * Builds an immutable lookup from the records added so far.
     *
     * @return a lookup answering from a snapshot of this builder's records; safe for concurrent
     *     use
     */
    public InMemoryDns build() {
      return new InMemoryDns(this);
    }

    private static String stripDot(String name) {
      return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
  }
}
