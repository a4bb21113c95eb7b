package io.livecommerce.llm;

/**
 * Receives a streamed answer as it arrives. Called on the calling thread of {@code ChatClient.stream}, in order.
 *
 * <p>Need not be thread-safe: each stream calls its listener from one thread.
 */
@FunctionalInterface
public interface StreamListener {

  /** Called with each new piece of text (never empty). */
  void onText(String delta);
}
