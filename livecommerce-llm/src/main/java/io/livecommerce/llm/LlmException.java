package io.livecommerce.llm;

/**
 * A failed call to an LLM provider. Subclasses say what kind of failure; every one carries the HTTP status (0 when
 * there was no response), the provider's error code and the request id when the provider sent them. Messages never
 * contain the API key.
 *
 * <p>Immutable and thread-safe.
 */
public class LlmException extends RuntimeException {
  private final int status;
  private final String providerCode;
  private final String requestId;

  /** Creates the exception. */
  public LlmException(String message, int status, String providerCode, String requestId, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.providerCode = providerCode == null ? "" : providerCode;
    this.requestId = requestId == null ? "" : requestId;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The provider's error code (e.g. {@code invalid_api_key}), or empty. */
  public String providerCode() {
    return providerCode;
  }

  /** The provider's request id for support tickets, or empty. */
  public String requestId() {
    return requestId;
  }
}
