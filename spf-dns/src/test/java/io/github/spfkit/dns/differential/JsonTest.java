package io.github.spfkit.dns.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drivers' JSON lines: quoting and reading flat objects. */
final class JsonTest {

  @Test
  void readsWhatItQuotesIncludingEscapesAndNonAscii() {
    String text = "a \"quoted\" \\ back\tslash\nline é \u0001";

    Map<String, String> read = Json.object("{\"k\":" + Json.quote(text) + ", \"n\": null}");

    assertThat(read).containsEntry("k", text).containsEntry("n", null).hasSize(2);
  }

  @Test
  void readsPythonAndPerlOutput() {
    assertThat(Json.object("{\"result\": \"fail\", \"explanation\": \"x \\u00e9\", \"id\": \"c1\"}"))
        .containsEntry("result", "fail")
        .containsEntry("explanation", "x é");
    assertThat(Json.object("{\"detail\":\"\",\"explanation\":null,\"id\":\"c1\",\"result\":\"none\"}"))
        .containsEntry("explanation", null)
        .containsEntry("detail", "");
  }

  @Test
  void rejectsALineThatIsNotAFlatObject() {
    assertThatThrownBy(() -> Json.object("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.object("{\"a\": 1}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.object("{\"a\": \"b\"")).isInstanceOf(IllegalArgumentException.class);
  }
}
