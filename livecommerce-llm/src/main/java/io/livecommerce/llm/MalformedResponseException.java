package io.livecommerce.llm;

/** The response could not be understood (not the JSON the API promises). Immutable and thread-safe. */
public class MalformedResponseException extends LlmException {

  /** Creates the exception. */
  public MalformedResponseException(String message, int status, String providerCode, String requestId, Throwable cause) {
    super(message, status, providerCode, requestId, cause);
  }
}
