package io.github.spfkit.diagnosis.bounce;

import org.jspecify.annotations.Nullable;

/**
 * One MTA's or service's way of writing a bounce: it recognizes its own notices and reads the
 * rejecting server's reply, the hosts and the recipients from them. {@link Dialects#ALL} lists
 * them in the order they are asked; adding a vendor is adding one class and its samples.
 * Implementations are stateless.
 */
interface Dialect {

  /**
   * A short, stable name for reports, such as {@code postfix} or {@code amazon-ses-json}.
   *
   * @return the name
   */
  String name();

  /**
   * Which kind of notice this is, when this dialect recognizes it as its own by the marks its MTA
   * leaves ("This is the mail system at host", {@code X-MS-Exchange-Message-Is-Ndr} ...).
   *
   * @param notice the notice
   * @return the format, or {@code null} when the notice does not carry this dialect's marks
   */
  default @Nullable BounceFormat format(Notice notice) {
    return null;
  }

  /**
   * What this dialect reads in the notice.
   *
   * @param notice the notice
   * @return what it read, or {@code null} when the notice is not written in this dialect or
   *     states nothing this dialect reads
   */
  @Nullable Reading read(Notice notice);
}
