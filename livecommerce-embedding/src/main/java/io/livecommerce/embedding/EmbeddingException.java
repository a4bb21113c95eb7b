package io.livecommerce.embedding;

/** Thrown when a model cannot be loaded or inference fails inside ONNX Runtime or the tokenizer. Immutable and thread-safe. */
public class EmbeddingException extends RuntimeException {

  /** Creates the exception with a message and cause. */
  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message. */
  public EmbeddingException(String message) {
    super(message);
  }
}
