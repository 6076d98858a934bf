package io.github.spfkit.examples.cli;

import java.util.Locale;

/**
 * The languages {@code spf diagnose --lang} writes reports in, with the report's own headings.
 * The evidence and advice come translated from the diagnosis library.
 */
enum Language {
  /** English. */
  EN(
      Locale.ENGLISH,
      new String[] {
        "What the bounce says",
        "What DNS says now",
        "Cause",
        "Steps",
        "Proposed record",
        "Status",
        "Reply",
        "Rejected by",
        "Category",
        "Sender",
        "Domain",
        "Client IP",
        "HELO",
        "Forwarding",
        "none seen",
        "SPF record",
        "SPF check",
        "Lookups",
        "no live check was possible",
        "no proposal: none could be verified for this cause",
        "verified: %s for %s, no lint errors",
        "Could not read",
        "(none)",
        "%1$s for %2$s",
        "%1$s in %2$s",
        "(none: the domain does not exist, NXDOMAIN)",
        "(no DNS answer)",
        "from the bounce",
        "given by you",
        "address of the reporting host",
        "%d sign(s), listed under the cause"
      }),
  /** Indonesian. */
  ID(
      Locale.forLanguageTag("id"),
      new String[] {
        "Isi pesan bounce",
        "Kondisi DNS saat ini",
        "Penyebab",
        "Langkah perbaikan",
        "Record yang diusulkan",
        "Status",
        "Balasan",
        "Ditolak oleh",
        "Kategori",
        "Pengirim",
        "Domain",
        "IP klien",
        "HELO",
        "Penerusan",
        "tidak terlihat",
        "Record SPF",
        "Pemeriksaan SPF",
        "Lookup",
        "pemeriksaan langsung tidak dapat dilakukan",
        "tidak ada usulan: tidak ada yang dapat diverifikasi untuk penyebab ini",
        "terverifikasi: %s untuk %s, tanpa error lint",
        "Tidak terbaca",
        "(tidak ada)",
        "%1$s untuk %2$s",
        "%1$s di %2$s",
        "(tidak ada: domain tidak ada, NXDOMAIN)",
        "(tidak ada jawaban DNS)",
        "dari bounce",
        "diberikan oleh Anda",
        "alamat host pelapor",
        "%d tanda, tercantum di bawah penyebab"
      });

  /** The headings and labels, by position. */
  enum Label {
    BOUNCE,
    DNS,
    CAUSE,
    STEPS,
    PROPOSAL,
    STATUS,
    REPLY,
    REJECTED_BY,
    CATEGORY,
    SENDER,
    DOMAIN,
    CLIENT_IP,
    HELO,
    FORWARDING,
    NONE_SEEN,
    SPF_RECORD,
    SPF_CHECK,
    LOOKUPS,
    NO_LIVE_CHECK,
    NO_PROPOSAL,
    VERIFIED,
    UNREADABLE,
    NONE,
    RESULT_FOR_IP,
    TERM_IN_DOMAIN,
    NO_SUCH_DOMAIN,
    NO_ANSWER,
    FROM_BOUNCE,
    FROM_USER,
    FROM_REPORTING_HOST,
    FORWARDING_SIGNS
  }

  /** The labels of the report's fields, whose longest sets the width of the label column. */
  private static final Label[] FIELDS = {
    Label.STATUS, Label.REPLY, Label.REJECTED_BY, Label.CATEGORY, Label.SENDER, Label.DOMAIN,
    Label.CLIENT_IP, Label.HELO, Label.FORWARDING, Label.SPF_RECORD, Label.SPF_CHECK, Label.LOOKUPS
  };

  private final Locale locale;
  private final String[] labels;

  Language(Locale locale, String[] labels) {
    if (labels.length != Label.values().length) {
      throw new IllegalStateException("one text per label expected");
    }
    this.locale = locale;
    this.labels = labels;
  }

  Locale locale() {
    return locale;
  }

  String text(Label label) {
    return labels[label.ordinal()];
  }

  /** The text of {@code label}, a format, filled in. */
  String format(Label label, Object... args) {
    return String.format(locale, text(label), args);
  }

  /** The width of the label column: the longest field label, its colon and a space. */
  int labelWidth() {
    int width = 0;
    for (Label field : FIELDS) {
      width = Math.max(width, text(field).length() + 2);
    }
    return width;
  }
}
