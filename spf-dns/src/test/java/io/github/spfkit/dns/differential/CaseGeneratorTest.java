package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The differential test's generator: deterministic, and covering what the test claims to cover. */
final class CaseGeneratorTest {

  private static final List<DiffCase> CASES =
      new CaseGenerator(DifferentialTest.SEED).cases(DifferentialTest.DEFAULT_CASES);

  @Test
  void aSeedAlwaysGivesTheSameCasesWhateverTheirNumber() {
    List<DiffCase> again = new CaseGenerator(DifferentialTest.SEED).cases(200);

    assertThat(again).isEqualTo(CASES.subList(0, 200));
    assertThat(new CaseGenerator(DifferentialTest.SEED).generate(777)).isEqualTo(CASES.get(777));
    assertThat(new CaseGenerator(DifferentialTest.SEED + 1).cases(200)).isNotEqualTo(again);
  }

  @Test
  void casesDoNotShareNames() {
    Set<String> owners = new HashSet<>();
    for (DiffCase c : CASES) {
      String base = c.id() + ".";
      for (World.Rr rr : c.records()) {
        boolean reverse = rr.owner().endsWith(".arpa");
        assertThat(reverse || rr.owner().contains(base) || rr.owner().endsWith(c.id() + ".diff.test"))
            .as("%s in %s", rr.owner(), c.id())
            .isTrue();
        owners.add(c.id() + " " + rr.owner());
      }
    }
    long distinctPerName =
        owners.stream().map(o -> o.substring(o.indexOf(' ') + 1)).distinct().count();
    assertThat(distinctPerName).isEqualTo(owners.stream().map(o -> o.substring(o.indexOf(' ') + 1)).count());
  }

  @Test
  void theFixedSeedCoversEveryMechanismQualifierModifierAndMacro() {
    Set<String> seen = new HashSet<>();
    Pattern term = Pattern.compile("(?:^| )([-+~?]?)(all|include|a|mx|ptr|ip4|ip6|exists|redirect|exp)(?=[:/= ]|$)");
    Pattern macro = Pattern.compile("%\\{([a-zA-Z])(\\d*)(r?)([-.+,/_=]*)\\}");
    for (DiffCase c : CASES) {
      for (World.Rr rr : c.records()) {
        if (!rr.type().equals("TXT")) {
          continue;
        }
        String text = String.join("", rr.data());
        Matcher t = term.matcher(text);
        while (t.find()) {
          seen.add(t.group(2));
          seen.add("qualifier " + t.group(1));
        }
        Matcher m = macro.matcher(text);
        while (m.find()) {
          seen.add("macro " + m.group(1));
          seen.add(m.group(2).isEmpty() ? "no digits" : "digits");
          seen.add(m.group(3).isEmpty() ? "no reverse" : "reverse");
          seen.add(m.group(4).isEmpty() ? "no delimiters" : "delimiters");
        }
        if (text.matches(".*\\b(a|mx)(:\\S+)?/\\d+//\\d+.*")) {
          seen.add("dual cidr");
        }
        if (rr.data().size() > 1) {
          seen.add("split TXT");
        }
      }
    }
    List<String> expected =
        List.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists", "redirect", "exp",
            "qualifier ", "qualifier +", "qualifier -", "qualifier ~", "qualifier ?", "digits",
            "no digits", "reverse", "no reverse", "delimiters", "no delimiters", "dual cidr",
            "split TXT");
    assertThat(seen).containsAll(expected);
    for (char letter : "slodiphvcrt".toCharArray()) {
      assertThat(seen).contains("macro " + letter);
    }
    for (char letter : "SLODIPHV".toCharArray()) {
      assertThat(seen).contains("macro " + letter);
    }
  }

  @Test
  void theFixedSeedCoversEveryFactIdentityAndClientFamily() {
    Set<Fact> facts = EnumSet.noneOf(Fact.class);
    Set<String> questions = new HashSet<>();
    Set<String> templates = new HashSet<>();
    for (DiffCase c : CASES) {
      facts.addAll(c.facts());
      templates.add(c.template());
      questions.add(c.scope() + (c.scope() == DiffCase.Scope.MFROM && c.sender().isEmpty() ? " null sender" : ""));
      questions.add(c.ip().startsWith("::ffff:") ? "mapped" : c.ip().contains(":") ? "IPv6" : "IPv4");
      if (c.records().stream().anyMatch(rr -> rr.type().equals("CNAME"))) {
        questions.add("CNAME");
      }
      if (c.records().stream().anyMatch(rr -> rr.owner().endsWith(World.SERVFAIL_ZONE))
          || c.records().stream().anyMatch(rr -> String.join("", rr.data()).contains(World.SERVFAIL_ZONE))) {
        questions.add("SERVFAIL");
      }
    }
    assertThat(facts).containsExactlyInAnyOrder(Fact.values());
    assertThat(questions)
        .contains("MFROM", "MFROM null sender", "HELO", "IPv4", "IPv6", "mapped", "CNAME", "SERVFAIL");
    assertThat(templates)
        .containsExactlyInAnyOrder("random", "limits", "void", "mx", "ptr", "macro", "exp", "syntax",
            "long", "cname", "servfail", "selection", "include");
  }
}
