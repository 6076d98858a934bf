package io.github.spfkit.examples.cli;

import io.github.spfkit.lint.Drift;
import io.github.spfkit.lint.EquivalenceProof;
import io.github.spfkit.lint.FlatRecord;
import io.github.spfkit.lint.FlattenResult;
import io.github.spfkit.lint.Flattening;
import io.github.spfkit.lint.Upstream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code spf flatten}. Text: zone file lines after comments that date the flattening
 * and its upstream records, or why there is none. JSON (a contract, {@code
 * examples/schemas/flatten.schema.json}): {@code schemaVersion} 1, {@code domain}, {@code
 * flattened}, {@code reason}, {@code records} [{@code name}, {@code text}, {@code strings}], {@code
 * lookups}, {@code originalLookups}, {@code covered}, {@code kept}, {@code upstream}, {@code proof},
 * {@code flattenedAt}, and with {@code --check} a {@code drift} object. Stateless.
 */
final class FlattenOutput {
  private FlattenOutput() {}

  static List<String> text(FlattenResult result) {
    List<String> lines = new ArrayList<>();
    if (result instanceof Flattening flat) {
      lines.addAll(flat.zoneLines());
    } else {
      FlattenResult.Refused refused = (FlattenResult.Refused) result;
      lines.add(refused.domain() + ": not flattened: " + refused.reason());
      EquivalenceProof proof = refused.proof();
      if (proof != null) {
        for (EquivalenceProof.Mismatch mismatch : proof.mismatches()) {
          lines.add("  " + mismatch.ip() + ": the tree gives " + token(mismatch.original())
              + ", the flattened records " + token(mismatch.flattened()));
        }
      }
    }
    return lines;
  }

  static List<String> text(Drift drift) {
    List<String> lines = new ArrayList<>();
    if (!drift.drifted()) {
      lines.add(drift.domain() + ": no drift: the published flattened records give the tree's"
          + " results for all " + drift.proof().probes() + " probe addresses and cover what a"
          + " flattening made now covers");
      return lines;
    }
    lines.add(drift.domain() + ": drift: the published flattened records no longer match the tree");
    for (String range : drift.added()) {
      lines.add("  covered now, not published: " + range);
    }
    for (String range : drift.removed()) {
      lines.add("  published, no longer covered: " + range);
    }
    EquivalenceProof proof = drift.proof();
    if (proof.mismatchCount() > 0) {
      lines.add("  " + proof.mismatchCount() + " of " + proof.probes()
          + " probe addresses get another result from the published records:");
      for (EquivalenceProof.Mismatch mismatch : proof.mismatches()) {
        lines.add("    " + mismatch.ip() + ": the tree gives " + token(mismatch.original())
            + ", the published records " + token(mismatch.flattened()));
      }
    }
    lines.add("");
    lines.add("Flattened now:");
    lines.addAll(text(drift.now()));
    return lines;
  }

  static Map<String, @Nullable Object> json(FlattenResult result) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("schemaVersion", LintOutput.SCHEMA_VERSION);
    out.put("domain", result.domain());
    if (result instanceof Flattening flat) {
      out.put("flattened", true);
      out.put("reason", null);
      List<Map<String, @Nullable Object>> records = new ArrayList<>();
      for (FlatRecord record : flat.records()) {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("name", record.name());
        item.put("text", record.text());
        item.put("strings", record.strings());
        records.add(item);
      }
      out.put("records", records);
      out.put("dnsTerms", flat.lookups());
      out.put("originalDnsTerms", flat.originalLookups());
      out.put("covered", flat.covered());
      out.put("kept", flat.kept());
      List<Map<String, @Nullable Object>> upstream = new ArrayList<>();
      for (Upstream source : flat.upstream()) {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("domain", source.domain());
        item.put("record", source.record());
        item.put("ttlSeconds", source.ttlSeconds());
        item.put("readAt", source.readAt().toString());
        upstream.add(item);
      }
      out.put("upstream", upstream);
      out.put("proof", proof(flat.proof()));
      out.put("flattenedAt", flat.flattenedAt().toString());
    } else {
      FlattenResult.Refused refused = (FlattenResult.Refused) result;
      out.put("flattened", false);
      out.put("reason", refused.reason());
      EquivalenceProof proof = refused.proof();
      out.put("proof", proof == null ? null : proof(proof));
    }
    return out;
  }

  static Map<String, @Nullable Object> json(Drift drift) {
    Map<String, @Nullable Object> out = json(drift.now());
    Map<String, @Nullable Object> item = new LinkedHashMap<>();
    item.put("drifted", drift.drifted());
    item.put("added", drift.added());
    item.put("removed", drift.removed());
    item.put("proof", proof(drift.proof()));
    out.put("drift", item);
    return out;
  }

  private static Map<String, @Nullable Object> proof(EquivalenceProof proof) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    out.put("holds", proof.holds());
    out.put("probes", proof.probes());
    out.put("rescued", proof.rescued());
    out.put("mismatchCount", proof.mismatchCount());
    List<Map<String, @Nullable Object>> mismatches = new ArrayList<>();
    for (EquivalenceProof.Mismatch mismatch : proof.mismatches()) {
      Map<String, @Nullable Object> item = new LinkedHashMap<>();
      item.put("ip", mismatch.ip());
      item.put("original", token(mismatch.original()));
      item.put("flattened", token(mismatch.flattened()));
      mismatches.add(item);
    }
    out.put("mismatches", mismatches);
    return out;
  }

  private static String token(io.github.spfkit.core.Result result) {
    return result.name().toLowerCase(Locale.ROOT);
  }
}
