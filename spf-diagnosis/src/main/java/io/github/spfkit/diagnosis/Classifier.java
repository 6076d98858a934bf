package io.github.spfkit.diagnosis;

import io.github.spfkit.diagnosis.bounce.BounceFacts;

/** The category from the rejecting server's words: text first, codes second. */
final class Classifier {
  private Classifier() {}

  static Category classify(BounceFacts facts) {
    return Category.NOT_SPF;
  }
}
