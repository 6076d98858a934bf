package io.github.spfkit.core.internal;

import io.github.spfkit.core.dns.DnsAnswer;
import io.github.spfkit.core.dns.RecordType;
import io.github.spfkit.core.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Validated domain names of the client (RFC 7208 §5.5): the names of its PTR records whose
 * addresses include the client's. For the {@code ptr} mechanism, only names in the target domain
 * are validated, in order, until one is; for {@code %{p}} (§7.3), all of the first 10 are, once
 * per evaluation. An address lookup that errs skips its name; one that is void counts against the
 * void limit under {@link io.github.spfkit.core.Limits.VoidLookupCounting#EVERY_QUERY}.
 */
final class ValidatedNames {
  private final DnsBudget budget;
  private final IpAddress ip;
  private final RecordType addressType;
  /** The validated names for {@code %{p}}, once looked up. */
  private @Nullable List<String> all;

  ValidatedNames(DnsBudget budget, IpAddress ip) {
    this.budget = budget;
    this.ip = ip;
    this.addressType = ip.ipv4() ? RecordType.A : RecordType.AAAA;
  }

  /** The {@code ptr} mechanism (§5.5) for {@code target}, in {@code domain}'s record. */
  void matchPtr(String target, String domain, TermTrace trace, Consumer<TermVerdict> then) {
    String reverse = ip.reverseName();
    budget.lookup(
        reverse,
        RecordType.PTR,
        answer -> {
          trace.lookup(reverse, RecordType.PTR, answer);
          if (answer instanceof DnsAnswer.TemporaryFailure) {
            // §5.5: a DNS error on the PTR lookup means no match
            then.accept(new TermVerdict.NoMatch("the PTR lookup failed"));
            return;
          }
          if (!(answer instanceof DnsAnswer.Records records)) {
            then.accept(
                budget.countVoid()
                    ? TermVerdict.NO_MATCH
                    : TermVerdict.permerror(budget.tooManyVoidLookups(domain, reverse)));
            return;
          }
          List<String> candidates = new ArrayList<>();
          List<String> names = records.data();
          int limit = Math.min(names.size(), budget.limits().maxPtrNames());
          for (int i = 0; i < limit; i++) {
            String name = Names.stripDot(names.get(i));
            if (Names.isSameOrSubdomain(name, target)) {
              candidates.add(name);
            }
          }
          validate(candidates, 0, target, domain, trace, then);
        });
  }

  private void validate(
      List<String> candidates,
      int index,
      String target,
      String domain,
      TermTrace trace,
      Consumer<TermVerdict> then) {
    if (index >= candidates.size()) {
      then.accept(TermVerdict.NO_MATCH);
      return;
    }
    String name = candidates.get(index);
    budget.lookup(
        name,
        addressType,
        answer -> {
          trace.lookup(name, addressType, answer);
          if (answer instanceof DnsAnswer.Records records
              && MechanismMatcher.anyMatches(ip, records, 32, 128)) {
            then.accept(new TermVerdict.Match("validated name " + name + " is in " + target));
            return;
          }
          if (!budget.countVoidBehindTerm(answer)) {
            then.accept(TermVerdict.permerror(budget.tooManyVoidLookups(domain, name)));
            return;
          }
          // errors skip the name (§5.5)
          validate(candidates, index + 1, target, domain, trace, then);
        });
  }

  /**
   * The {@code %{p}} value for {@code domain} (§7.3): a validated name equal to the domain, else
   * one beneath it, else any validated name; {@code null} (expanded as {@code unknown}) if none.
   */
  void forMacro(String domain, Consumer<@Nullable String> then) {
    List<String> names = all;
    if (names != null) {
      then.accept(pick(names, domain));
      return;
    }
    findAll(
        found -> {
          all = found;
          then.accept(pick(found, domain));
        });
  }

  private static @Nullable String pick(List<String> names, String domain) {
    String beneath = null;
    for (String name : names) {
      if (name.equalsIgnoreCase(domain)) {
        return name;
      }
      if (beneath == null && Names.isSameOrSubdomain(name, domain)) {
        beneath = name;
      }
    }
    return beneath != null ? beneath : names.isEmpty() ? null : names.get(0);
  }

  private void findAll(Consumer<List<String>> then) {
    String reverse = ip.reverseName();
    budget.lookup(
        reverse,
        RecordType.PTR,
        answer -> {
          if (!(answer instanceof DnsAnswer.Records records)) {
            budget.countVoidBehindTerm(answer);
            then.accept(List.of());
            return;
          }
          List<String> names = records.data();
          int limit = Math.min(names.size(), budget.limits().maxPtrNames());
          validateAll(names, 0, limit, new ArrayList<>(), then);
        });
  }

  private void validateAll(
      List<String> names, int index, int limit, List<String> valid, Consumer<List<String>> then) {
    if (index >= limit) {
      then.accept(valid);
      return;
    }
    String name = Names.stripDot(names.get(index));
    budget.lookup(
        name,
        addressType,
        answer -> {
          if (answer instanceof DnsAnswer.Records records
              && MechanismMatcher.anyMatches(ip, records, 32, 128)) {
            valid.add(name);
          }
          // the term that expands %{p} fails afterwards if this went over the void limit
          budget.countVoidBehindTerm(answer);
          validateAll(names, index + 1, limit, valid, then);
        });
  }
}
