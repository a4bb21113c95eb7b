package io.livecommerce.embedding;

/** How token vectors become one text vector. Thread-safe (an enum). */
public enum Pooling {
  /** The first ([CLS]) token's vector, as BGE models are trained. */
  CLS,
  /** The mean of all token vectors under the attention mask, as sentence-transformers models are trained. */
  MEAN
}
