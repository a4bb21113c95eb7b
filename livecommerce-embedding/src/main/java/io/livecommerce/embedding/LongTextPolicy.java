package io.livecommerce.embedding;

/** What to do with a text longer than the model's token limit. Thread-safe (an enum). */
public enum LongTextPolicy {
  /** Keep the first tokens up to the limit (the default); the embedder counts and logs how many texts were cut. */
  TRUNCATE,
  /** Embed consecutive windows of the limit and average them, weighted by token count, then normalize. */
  CHUNK_AND_AVERAGE
}
