package io.github.spfkit.policyd.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The delegation protocol's framing, bounded. */
final class RequestReaderTest {

  private static RequestReader reader(String text) {
    return new RequestReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsManyRequestsFromOneConnection() throws IOException {
    RequestReader reader = reader("request=smtpd_access_policy\nsender=a@b\n\n"
        + "request=smtpd_access_policy\r\nsender=c@d\r\n\r\n");
    RequestReader.Outcome first = reader.next();
    RequestReader.Outcome second = reader.next();
    assertThat(((RequestReader.Request) first).request().sender()).isEqualTo("a@b");
    assertThat(((RequestReader.Request) second).request().sender()).isEqualTo("c@d");
    assertThat(reader.next()).isInstanceOf(RequestReader.End.class);
  }

  @Test
  void keepsEmptyValuesAndEqualsSignsInValues() throws IOException {
    RequestReader.Outcome outcome = reader("sender=\nqueue_id=\nx=a=b\n\n").next();
    var request = ((RequestReader.Request) outcome).request();
    assertThat(request.sender()).isEmpty();
    assertThat(request.get("x")).isEqualTo("a=b");
  }

  @Test
  void endsAConnectionWithALineOverTheBound() throws IOException {
    String longLine = "sender=" + "a".repeat(RequestReader.MAX_LINE) + "\n\n";
    assertThat(reader(longLine).next()).isEqualTo(
        new RequestReader.Broken("line longer than 16384 bytes"));
  }

  @Test
  void endsAConnectionWithTooManyAttributes() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i <= RequestReader.MAX_ATTRIBUTES; i++) {
      text.append("a").append(i).append("=x\n");
    }
    assertThat(reader(text + "\n").next()).isEqualTo(
        new RequestReader.Broken("more than 100 attributes in one request"));
  }

  @Test
  void endsAConnectionWithALineThatIsNotNameValue() throws IOException {
    assertThat(reader("GET / HTTP/1.0\n\n").next()).isInstanceOf(RequestReader.Broken.class);
  }

  @Test
  void reportsARequestCutOffByTheEndOfInput() throws IOException {
    assertThat(reader("request=smtpd_access_policy\nsender=a").next())
        .isEqualTo(new RequestReader.Broken("connection closed inside a request"));
  }

  @Test
  void endsAConnectionWithALineWhoseNameIsOnlySpaces() throws IOException {
    assertThat(reader("request=smtpd_access_policy\n  =x\n\n").next())
        .isEqualTo(new RequestReader.Broken("line without name=value"));
  }

  @Test
  void letsARepeatedNameWrittenWithSpacesReplaceItsValueAtTheAttributeBound()
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < RequestReader.MAX_ATTRIBUTES; i++) {
      text.append("a").append(i).append("=x\n");
    }
    RequestReader.Outcome outcome = reader(text + " a0 =y\n\n").next();
    var request = ((RequestReader.Request) outcome).request();
    assertThat(request.attributes()).hasSize(RequestReader.MAX_ATTRIBUTES);
    assertThat(request.get("a0")).isEqualTo("y");
  }
}
