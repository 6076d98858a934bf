package io.github.spfkit.examples.cli;

import java.util.Locale;

/**
 * The languages {@code spf diagnose --lang} writes reports in, with the report's own headings and
 * labels; the first line of a report comes from the {@code Headlines} bundles beside this class.
 * The evidence and advice come translated from the diagnosis library.
 */
enum Language {
  /** English. */
  EN(
      Locale.ENGLISH,
      new String[] {
        "Sender",
        "Domain",
        "HELO",
        "Forwarding",
        "none seen",
        "SPF record",
        "Lookups",
        "no live check was possible",
        "Could not read",
        "(none)",
        "%1$s for %2$s",
        "%1$s in %2$s",
        "(none: the domain does not exist, NXDOMAIN)",
        "(no DNS answer)",
        "from the bounce",
        "given by you",
        "address of the reporting host",
        "%d sign(s), listed under the cause",
        "%d messages: %d bounces diagnosed, %d not a bounce, %d unreadable",
        "%d files skipped (not mail messages)",
        "By category",
        "By cause",
        "Messages",
        "not a bounce",
        "unreadable",
        "What to do",
        "Evidence",
        "Bounce",
        "Client",
        "SPF now",
        "Publish this record at %1$s (checked before it is shown: %2$s passes with it, and it has no lint errors):",
        "%1$d of %2$d DNS lookups allowed, %3$d of %4$d lookups that find nothing",
        "Codes",
        "name from its Received header",
        "name from its PTR record, confirmed by its address",
        "%1$s from %2$s",
        "(nothing to do)",
        "published at %s"
      }),
  /** Indonesian. */
  ID(
      Locale.forLanguageTag("id"),
      new String[] {
        "Pengirim",
        "Domain",
        "HELO",
        "Penerusan",
        "tidak terlihat",
        "Record SPF",
        "Lookup",
        "pemeriksaan langsung tidak dapat dilakukan",
        "Tidak terbaca",
        "(tidak ada)",
        "%1$s untuk %2$s",
        "%1$s di %2$s",
        "(tidak ada: domain tidak ada, NXDOMAIN)",
        "(tidak ada jawaban DNS)",
        "dari bounce",
        "diberikan oleh Anda",
        "alamat host pelapor",
        "%d tanda, tercantum di bawah penyebab",
        "%d pesan: %d bounce didiagnosis, %d bukan bounce, %d tidak terbaca",
        "%d berkas dilewati (bukan pesan email)",
        "Menurut kategori",
        "Menurut penyebab",
        "Pesan",
        "bukan bounce",
        "tidak terbaca",
        "Yang perlu dilakukan",
        "Bukti",
        "Bounce",
        "Klien",
        "SPF sekarang",
        "Terbitkan record ini di %1$s (sudah diperiksa sebelum ditampilkan: %2$s lolos dengannya, dan tanpa error lint):",
        "%1$d dari %2$d lookup DNS yang diizinkan, %3$d dari %4$d lookup yang tidak menemukan apa pun",
        "Kode",
        "nama dari header Received-nya",
        "nama dari record PTR-nya, dikonfirmasi oleh alamatnya",
        "%1$s dari %2$s",
        "(tidak ada yang perlu dilakukan)",
        "diterbitkan di %s"
      });

  /** The headings and labels, by position. */
  enum Label {
    SENDER,
    DOMAIN,
    HELO,
    FORWARDING,
    NONE_SEEN,
    SPF_RECORD,
    LOOKUPS,
    NO_LIVE_CHECK,
    UNREADABLE,
    NONE,
    RESULT_FOR_IP,
    TERM_IN_DOMAIN,
    NO_SUCH_DOMAIN,
    NO_ANSWER,
    FROM_BOUNCE,
    FROM_USER,
    FROM_REPORTING_HOST,
    FORWARDING_SIGNS,
    MAILBOX_COUNTS,
    MAILBOX_SKIPPED,
    BY_CATEGORY,
    BY_CAUSE,
    MESSAGES,
    NOT_A_BOUNCE,
    UNREADABLE_MESSAGE,
    FIX,
    EVIDENCE,
    BOUNCE_LINE,
    CLIENT,
    SPF_NOW,
    PUBLISH,
    LOOKUP_COUNTS,
    CODES,
    NAME_FROM_RECEIVED,
    NAME_FROM_PTR,
    STATUS_FROM,
    NOTHING_TO_DO,
    PUBLISHED_AT
  }

  /** The labels of the report's fields, whose longest sets the width of the label column. */
  private static final Label[] FIELDS = {
    Label.BOUNCE_LINE, Label.SENDER, Label.DOMAIN, Label.CLIENT, Label.HELO, Label.FORWARDING,
    Label.SPF_RECORD, Label.SPF_NOW, Label.LOOKUPS
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
