package io.livecommerce;

/**
 * Receives progress of a long operation (embedding a catalogue, training, batch recommendation).
 *
 * <p>Calls may come from worker threads, but never concurrently for one operation; {@code done} never decreases.
 * Implementations should return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Called as work completes.
   *
   * @param done units of work finished so far, {@code 0 <= done <= total}
   * @param total units of work in all
   */
  void onProgress(long done, long total);
}
