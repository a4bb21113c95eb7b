package io.livecommerce.llm;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the thread; tests inject one that records the waits and advances a fake
 * clock, so they never sleep.
 *
 * <p>Implementations must be thread-safe: one client may retry on many threads at once.
 */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /**
   * Waits {@code duration}.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
