package io.github.spfkit.dns;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Turns dnsjava records into the seam's presentation form ({@link DnsAnswer.Records}). */
final class RecordData {

  private RecordData() {}

  /** The dnsjava type code for a seam type. */
  static int typeCode(RecordType type) {
    return switch (type) {
      case TXT -> Type.TXT;
      case A -> Type.A;
      case AAAA -> Type.AAAA;
      case MX -> Type.MX;
      case PTR -> Type.PTR;
      case SPF -> Type.SPF;
    };
  }

  /**
   * The seam's text for one record, or {@code null} for a record of a type the seam does not
   * carry.
   */
  static @Nullable String text(Record record) {
    if (record instanceof TXTRecord txt) {
      return joined(txt.getStringsAsByteArrays());
    }
    if (record instanceof SPFRecord spf) {
      return joined(spf.getStringsAsByteArrays());
    }
    if (record instanceof MXRecord mx) {
      return DnsNames.toText(mx.getTarget());
    }
    if (record instanceof PTRRecord ptr) {
      return DnsNames.toText(ptr.getTarget());
    }
    if (record.getType() == Type.A || record.getType() == Type.AAAA) {
      return address(record.rdataToWireCanonical());
    }
    return null;
  }

  /**
   * RFC 7208 §3.3: the character-strings are concatenated with no separator; each byte becomes the
   * char of the same value, so bytes outside ASCII reach the evaluator unchanged.
   */
  private static String joined(List<byte[]> strings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] piece : strings) {
      out.write(piece, 0, piece.length);
    }
    return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** The canonical literal of 4 or 16 address bytes; IPv4-mapped IPv6 addresses stay IPv6. */
  private static @Nullable String address(byte[] bytes) {
    return bytes.length == 4 || bytes.length == 16 ? IpAddress.ofBytes(bytes).toString() : null;
  }

  /** RFC 2308 §5: a negative answer may be cached for the lesser of the SOA's TTL and minimum. */
  static long negativeTtl(SOARecord soa) {
    return Math.max(0, Math.min(soa.getTTL(), soa.getMinimum()));
  }
}
