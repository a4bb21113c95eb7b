package io.livecommerce.llm;

/** The provider rejected the request (400, 404, 422): the message is the provider's. Immutable and thread-safe. */
public class BadRequestException extends LlmException {

  /** Creates the exception. */
  public BadRequestException(String message, int status, String providerCode, String requestId, Throwable cause) {
    super(message, status, providerCode, requestId, cause);
  }
}
