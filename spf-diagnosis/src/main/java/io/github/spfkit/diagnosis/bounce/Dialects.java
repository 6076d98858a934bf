package io.github.spfkit.diagnosis.bounce;

import java.util.List;

/** The dialects, in the order they are asked: the most specific first. */
final class Dialects {
  static final List<Dialect> ALL =
      List.of(new AmazonSesJson(), new Gmail(), new Zoho(), new OpenSmtpd());

  private Dialects() {}
}
