package io.livecommerce.llm;

/**
 * Token counts the provider reported.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens in the answer
 * @param totalTokens both
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {

  /** No usage reported. */
  public static final Usage NONE = new Usage(0, 0, 0);
}
