package io.livecommerce.script;

/** Thrown when a script generator cannot produce a valid script, e.g. the model kept returning malformed output. Immutable and thread-safe. */
public class ScriptGenerationException extends RuntimeException {

  /** Creates the exception with a message. */
  public ScriptGenerationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and cause. */
  public ScriptGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
