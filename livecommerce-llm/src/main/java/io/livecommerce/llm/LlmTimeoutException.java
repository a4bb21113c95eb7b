package io.livecommerce.llm;

/** A connect, read or call timeout, or the overall deadline across retries, ran out. Immutable and thread-safe. */
public class LlmTimeoutException extends LlmException {

  /** Creates the exception. */
  public LlmTimeoutException(String message, Throwable cause) {
    super(message, 0, "", "", cause);
  }
}
