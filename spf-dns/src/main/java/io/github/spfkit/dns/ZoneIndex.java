package io.github.spfkit.dns;

import io.github.spfkit.core.dns.DnsAnswer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The records of {@link ZoneFileLookup}, indexed by owner name (dnsjava names compare ignoring
 * ASCII case), with every ancestor of an owner marked as existing. Immutable once built.
 */
final class ZoneIndex {

  private static final Pattern LOCATED = Pattern.compile("[^:]*:(\\d+): (.*)", Pattern.DOTALL);

  private static final Name WILDCARD = Name.fromConstantString("*");

  /** The records at one owner name. */
  private record Node(Map<Integer, List<Record>> byType, @Nullable CNAMERecord cname) {}

  private final Map<Name, Node> nodes;
  private final Set<Name> existing;
  private final Map<Name, SOARecord> apexes;
  private final int recordCount;

  private ZoneIndex(Builder builder) {
    Map<Name, Node> built = new HashMap<>();
    builder.records.forEach(
        (name, byType) -> {
          Map<Integer, List<Record>> types = new HashMap<>();
          byType.forEach((type, records) -> types.put(type, List.copyOf(records)));
          CNAMERecord cname = null;
          List<Record> cnames = types.get(Type.CNAME);
          if (cnames != null && !cnames.isEmpty()) {
            cname = (CNAMERecord) cnames.get(0);
          }
          built.put(name, new Node(Map.copyOf(types), cname));
        });
    this.nodes = Map.copyOf(built);
    Set<Name> names = new HashSet<>();
    for (Name owner : nodes.keySet()) {
      for (Name n = owner; ; n = parent(n)) {
        if (!names.add(n) || n.equals(Name.root)) {
          break;
        }
      }
    }
    this.existing = Set.copyOf(names);
    this.apexes = Map.copyOf(builder.apexes);
    this.recordCount = builder.count;
  }

  int recordCount() {
    return recordCount;
  }

  DnsAnswer answer(Name query, int type, String question) {
    Name current = query;
    long ttl = Long.MAX_VALUE;
    for (int hops = 0; hops <= ZoneFileLookup.MAX_CNAME_HOPS; hops++) {
      Node node = nodes.get(current);
      if (node == null && !existing.contains(current)) {
        node = wildcard(current);
        if (node == null) {
          return new DnsAnswer.NoSuchDomain(negativeTtl(current));
        }
      }
      if (node == null) {
        return new DnsAnswer.NoRecords(negativeTtl(current)); // an empty non-terminal
      }
      CNAMERecord cname = node.cname();
      if (cname != null && type != Type.CNAME) {
        ttl = Math.min(ttl, cname.getTTL());
        current = cname.getTarget();
        continue;
      }
      List<Record> records = node.byType().get(type);
      List<String> data = new ArrayList<>();
      if (records != null) {
        for (Record record : records) {
          String text = RecordData.text(record);
          if (text != null) {
            data.add(text);
            ttl = Math.min(ttl, record.getTTL());
          }
        }
      }
      if (data.isEmpty()) {
        return new DnsAnswer.NoRecords(negativeTtl(current));
      }
      return new DnsAnswer.Records(data, ttl);
    }
    return new DnsAnswer.TemporaryFailure(
        "CNAME loop or chain over " + ZoneFileLookup.MAX_CNAME_HOPS + " hops at " + question);
  }

  /** RFC 4592: the wildcard child of the closest encloser answers for a name that does not exist. */
  private @Nullable Node wildcard(Name missing) {
    Name encloser = missing;
    do {
      encloser = parent(encloser);
    } while (!existing.contains(encloser) && !encloser.equals(Name.root));
    try {
      return nodes.get(Name.concatenate(WILDCARD, encloser));
    } catch (org.xbill.DNS.NameTooLongException e) {
      return null;
    }
  }

  /** RFC 2308 §5 from the SOA of the closest enclosing zone apex, or 0 without one. */
  private long negativeTtl(Name name) {
    for (Name n = name; ; n = parent(n)) {
      SOARecord soa = apexes.get(n);
      if (soa != null) {
        return RecordData.negativeTtl(soa);
      }
      if (n.equals(Name.root)) {
        return 0;
      }
    }
  }

  private static Name parent(Name name) {
    return name.labels() <= 1 ? Name.root : new Name(name, 1);
  }

  /** Collects records from master files; not thread safe. */
  static final class Builder {
    private final Map<Name, Map<Integer, List<Record>>> records = new HashMap<>();
    private final Map<Name, SOARecord> apexes = new HashMap<>();
    private int count;

    /** Adds every IN record of a master file; errors are rethrown naming {@code source}. */
    void addAll(Master master, String source) throws IOException {
      try {
        for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
          add(record);
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(located(source, String.valueOf(e.getMessage())), e);
      }
    }

    /** {@code source:line: message} from dnsjava's {@code name:line: message}. */
    private static String located(String source, String message) {
      Matcher located = LOCATED.matcher(message);
      if (located.matches()) {
        return source + ":" + located.group(1) + ": " + located.group(2);
      }
      return source + ": " + message;
    }

    private void add(Record record) {
      if (record.getDClass() != DClass.IN) {
        return;
      }
      List<Record> rrset =
          records
              .computeIfAbsent(record.getName(), n -> new HashMap<>())
              .computeIfAbsent(record.getType(), t -> new ArrayList<>());
      if (rrset.contains(record)) {
        return; // an RRset is a set: a repeated record is one record (RFC 2181 §5)
      }
      rrset.add(record);
      if (record instanceof SOARecord soa) {
        apexes.put(record.getName(), soa);
      }
      count++;
    }

    ZoneIndex build() {
      return new ZoneIndex(this);
    }
  }
}
