package io.livecommerce.llm;

/**
 * The provider's response went past the client's size limit ({@link ChatClient.Builder#maxResponseBytes}); nothing
 * more was read. Immutable and thread-safe.
 */
public class ResponseTooLargeException extends LlmException {

  /** Creates the exception. */
  public ResponseTooLargeException(String message, String requestId, Throwable cause) {
    super(message, 200, "", requestId, cause);
  }
}
