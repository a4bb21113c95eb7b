package io.livecommerce.llm;

/** The provider failed (5xx, or an error event inside a stream) after the retries allowed. Immutable and thread-safe. */
public class ProviderException extends LlmException {

  /** Creates the exception. */
  public ProviderException(String message, int status, String providerCode, String requestId, Throwable cause) {
    super(message, status, providerCode, requestId, cause);
  }
}
