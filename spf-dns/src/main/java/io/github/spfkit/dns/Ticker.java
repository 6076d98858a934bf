package io.github.spfkit.dns;

/**
 * A source of monotonic time in nanoseconds, for {@link CachingLookup}'s TTLs. Tests substitute a
 * fake to expire entries without waiting.
 *
 * <p>Implementations must be safe for concurrent use and must never go backwards.
 */
@FunctionalInterface
public interface Ticker {

  /**
   * Nanoseconds since an arbitrary fixed origin, as {@link System#nanoTime()}.
   *
   * @return the current time in nanoseconds; only differences between readings mean anything
   */
  long read();

  /**
   * The system's monotonic clock, {@link System#nanoTime()}.
   *
   * @return a ticker reading {@link System#nanoTime()}; safe for concurrent use
   */
  static Ticker system() {
    return System::nanoTime;
  }
}
