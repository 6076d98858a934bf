package io.github.spfkit.core.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which SPF record a domain publishes, by RFC 7208 §4.5: of the TXT records at a name, those that
 * start with {@code v=spf1} (in any case, then a space or the end) are SPF records; other TXT
 * records are ignored. Exactly one is the domain's record; none is {@code none} for the checked
 * domain (and {@code permerror} for an {@code include} or {@code redirect} target); more than one
 * is {@code permerror}. The evaluator, the linter and the diagnosis all select with this.
 */
public sealed interface RecordSelection {

  /**
   * Selects the SPF record among a name's TXT records.
   *
   * @param txtRecords the TXT records at the name, each with its character-strings joined
   *     (RFC 7208 §3.3); not null, no null elements; empty for NODATA or NXDOMAIN
   * @return {@link One}, {@link NoRecord} or {@link Multiple}
   */
  static RecordSelection of(List<String> txtRecords) {
    String found = null;
    List<String> more = null;
    for (String text : txtRecords) {
      if (!RecordParser.isSpfRecord(text)) {
        continue;
      }
      if (found == null) {
        found = text;
      } else {
        if (more == null) {
          more = new ArrayList<>(2);
          more.add(found);
        }
        more.add(text);
      }
    }
    if (more != null) {
      return new Multiple(more);
    }
    return found == null ? NoRecord.INSTANCE : new One(found);
  }

  /**
   * Exactly one SPF record: the domain's policy.
   *
   * @param text the record's text
   */
  record One(String text) implements RecordSelection {
    /**
     * Checks the text.
     *
     * @param text the record's text; not null
     */
    public One {
      Objects.requireNonNull(text, "text");
    }
  }

  /** No TXT record at the name starts with {@code v=spf1}. */
  record NoRecord() implements RecordSelection {
    /** The one value: no record carries no data. */
    public static final NoRecord INSTANCE = new NoRecord();
  }

  /**
   * More than one SPF record: a {@code permerror} (RFC 7208 §4.5), whatever they say.
   *
   * @param texts the SPF records, in the order given, two or more
   */
  record Multiple(List<String> texts) implements RecordSelection {
    /**
     * Copies the records.
     *
     * @param texts the SPF records; copied, not null, at least two
     * @throws IllegalArgumentException if fewer than two are given
     */
    public Multiple {
      texts = List.copyOf(texts);
      if (texts.size() < 2) {
        throw new IllegalArgumentException("Multiple needs at least two records");
      }
    }
  }
}
