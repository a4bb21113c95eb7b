package io.livecommerce.llm;

/** The key was rejected (401, 403). Not retried. Immutable and thread-safe. */
public class AuthenticationException extends LlmException {

  /** Creates the exception. */
  public AuthenticationException(String message, int status, String providerCode, String requestId, Throwable cause) {
    super(message, status, providerCode, requestId, cause);
  }
}
