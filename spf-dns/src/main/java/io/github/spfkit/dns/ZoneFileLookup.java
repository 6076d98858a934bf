package io.github.spfkit.dns;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.DnsLookup;
import io.github.spfkit.core.dns.RecordType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;

/**
 * A {@link DnsLookup} answering from RFC 1035 master (zone) files held in memory: the offline mode
 * of the command line, the way to try a what-if zone, and how tests load zone data.
 *
 * <pre>{@code
 * ZoneFileLookup dns = ZoneFileLookup.load(Path.of("example.com.zone"));
 * ZoneFileLookup inline = ZoneFileLookup.fromString("""
 *     $TTL 300
 *     example.com.      IN TXT "v=spf1 mx -all"
 *     example.com.      IN MX  10 mail.example.com.
 *     mail.example.com. IN A   192.0.2.10
 *     """);
 * }</pre>
 *
 * <p><b>Files.</b> Any number of files, with absolute names of any domain; relative names are
 * relative to the root unless {@code $ORIGIN} says otherwise; {@code $TTL} and {@code $INCLUDE}
 * are honoured (includes only for files on disk); records without any TTL get {@link
 * #DEFAULT_TTL_SECONDS}; no SOA is required; only class IN is kept.
 *
 * <p><b>Answers</b> follow DNS semantics: records of the type asked; NODATA ({@link
 * DnsAnswer.NoRecords}) for a name that has records of other types or names beneath it;
 * NXDOMAIN ({@link DnsAnswer.NoSuchDomain}) otherwise. CNAMEs are followed up to {@link
 * #MAX_CNAME_HOPS}; a loop or a longer chain is a {@link DnsAnswer.TemporaryFailure}. A wildcard
 * owner ({@code *.example.com}) answers for names that do not exist beneath its parent (RFC 4592).
 * Type-99 SPF records answer {@link RecordType#SPF}. Positive answers carry the records' least TTL
 * (CNAMEs followed included); negative answers the RFC 2308 TTL of the closest enclosing SOA, or 0
 * without one. Names compare ignoring ASCII case.
 *
 * <p>Immutable and safe for concurrent use; lookups complete at once and never fail.
 */
public final class ZoneFileLookup implements DnsLookup {

  /** The TTL of records that have none, when the file sets no {@code $TTL}: one hour. */
  public static final long DEFAULT_TTL_SECONDS = 3600;

  /** CNAME hops followed before a chain counts as a loop. */
  public static final int MAX_CNAME_HOPS = 16;

  private final ZoneIndex index;

  private ZoneFileLookup(ZoneIndex index) {
    this.index = index;
  }

  /**
   * Reads zone files.
   *
   * @param files the files, read in order; a name's records from several files are merged
   * @return the lookup
   * @throws IOException if a file cannot be read or has an error; the message names the file and
   *     the line
   */
  public static ZoneFileLookup load(Path... files) throws IOException {
    return load(List.of(files));
  }

  /**
   * Reads zone files.
   *
   * @param files the files, read in order
   * @return the lookup
   * @throws IOException if a file cannot be read or has an error; the message names the file and
   *     the line ({@link NoSuchFileException} for a file that does not exist)
   */
  public static ZoneFileLookup load(List<Path> files) throws IOException {
    ZoneIndex.Builder index = new ZoneIndex.Builder();
    for (Path file : files) {
      Objects.requireNonNull(file, "file");
      if (!Files.exists(file)) {
        throw new NoSuchFileException(file.toString());
      }
      try (Master master = new Master(file.toString(), Name.root, DEFAULT_TTL_SECONDS)) {
        index.addAll(master, file.toString());
      }
    }
    return new ZoneFileLookup(index.build());
  }

  /**
   * Reads zone data from a reader. {@code $INCLUDE} is an error.
   *
   * @param reader the zone text; read to the end, not closed
   * @param sourceName the name to give in error messages, such as a file name
   * @return the lookup
   * @throws IOException if the reader fails or the text has an error; the message names {@code
   *     sourceName} and the line
   */
  public static ZoneFileLookup read(Reader reader, String sourceName) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sourceName, "sourceName");
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
      text.append(buffer, 0, n);
    }
    // The tokenizer reads bytes; UTF-8 keeps non-ASCII text in TXT data as its UTF-8 bytes.
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    ZoneIndex.Builder index = new ZoneIndex.Builder();
    try (Master master = new Master(new ByteArrayInputStream(bytes), Name.root, DEFAULT_TTL_SECONDS)) {
      master.disableIncludes(true);
      index.addAll(master, sourceName);
    }
    return new ZoneFileLookup(index.build());
  }

  /**
   * Reads zone data from a string, for tests and what-if checks.
   *
   * @param zoneText the zone text
   * @return the lookup
   * @throws IllegalArgumentException if the text has an error; the message gives the line
   */
  public static ZoneFileLookup fromString(String zoneText) {
    Objects.requireNonNull(zoneText, "zoneText");
    try {
      return read(new StringReader(zoneText), "<string>");
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<DnsAnswer> lookup(String name, RecordType type) {
    return CompletableFuture.completedFuture(answer(name, type));
  }

  /**
   * The answer to one question, without going through a {@link CompletionStage}.
   *
   * @param name an absolute name, with or without the trailing dot
   * @param type the record type
   * @return the answer
   */
  public DnsAnswer answer(String name, RecordType type) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Name query = DnsNames.toName(name);
    if (query == null) {
      return new DnsAnswer.NoSuchDomain(0);
    }
    return index.answer(query, RecordData.typeCode(type), name + "/" + type);
  }

  /**
   * The number of resource records held.
   *
   * @return the records loaded from the zone files, 0 or more
   */
  public int recordCount() {
    return index.recordCount();
  }

  @Override
  public String toString() {
    return "ZoneFileLookup[" + recordCount() + " records]";
  }
}
