package io.github.spfkit.lint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flattened records that were proved to give the original tree's results, with what they depend
 * on.
 *
 * @param domain the flattened domain
 * @param records the records to publish: the domain's first, then the chain {@code _spf1.DOMAIN}
 *     ... it includes
 * @param lookups the DNS-querying terms of the flattened records, at most the limit
 * @param originalLookups the DNS-querying terms of the original tree
 * @param covered the address ranges the flattened records give {@code pass} for by their ranges
 *     alone, as CIDR blocks
 * @param kept the terms kept as written, each with why ({@code exists:%{i}._spf.example.com: its
 *     target has macros: ...})
 * @param upstream the records the addresses were copied from, with when they were read
 * @param proof the equivalence proof, which holds
 * @param flattenedAt when the flattening was made
 */
public record Flattening(
    String domain,
    List<FlatRecord> records,
    int lookups,
    int originalLookups,
    List<String> covered,
    List<String> kept,
    List<Upstream> upstream,
    EquivalenceProof proof,
    Instant flattenedAt)
    implements FlattenResult {

  /**
   * Checks the parts and copies the lists.
   *
   * @param domain the flattened domain
   * @param records the records to publish, the domain's first
   * @param lookups the DNS-querying terms of the flattened records
   * @param originalLookups the DNS-querying terms of the original tree
   * @param covered the ranges given {@code pass}
   * @param kept the terms kept as written, with why
   * @param upstream the records the addresses came from
   * @param proof the equivalence proof
   * @param flattenedAt when it was made
   */
  public Flattening {
    Objects.requireNonNull(domain, "domain");
    records = List.copyOf(records);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a flattening has at least the domain's record");
    }
    covered = List.copyOf(covered);
    kept = List.copyOf(kept);
    upstream = List.copyOf(upstream);
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(flattenedAt, "flattenedAt");
  }

  /**
   * The records as zone file lines, after comments that say when and from what they were made,
   * so that the file itself shows what to re-check: {@code ; upstream _spf.example.net read
   * 2026-12-02T01:00:00Z ttl 300: "v=spf1 ..."}.
   *
   * @return the lines, without line ends
   */
  public List<String> zoneLines() {
    List<String> lines = new ArrayList<>();
    lines.add("; " + domain + " flattened by spfkit at " + flattenedAt + ": " + lookups
        + " DNS-querying terms (the original tree: " + originalLookups + "); proof: "
        + proof.probes() + " probe addresses, each with the original's result");
    for (Upstream source : upstream) {
      lines.add("; upstream " + source.domain() + " read " + source.readAt() + " ttl "
          + source.ttlSeconds() + ": \"" + source.record() + "\"");
    }
    for (String term : kept) {
      lines.add("; kept " + term);
    }
    for (FlatRecord record : records) {
      lines.add(record.zoneLine());
    }
    return lines;
  }
}
