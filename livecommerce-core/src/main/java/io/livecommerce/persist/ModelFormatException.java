package io.livecommerce.persist;

import java.io.IOException;

/** A model file that is truncated, corrupted, of another kind, or not a livecommerce model at all. Immutable and thread-safe. */
public class ModelFormatException extends IOException {

  /** Creates the exception with a message that names the file and what is wrong. */
  public ModelFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and cause. */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
