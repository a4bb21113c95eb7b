package io.livecommerce.llm;

import java.time.Duration;
import java.util.Optional;

/** The provider kept answering 429 (rate or quota limit) beyond the retries or deadline allowed. Immutable and thread-safe. */
public class RateLimitedException extends LlmException {
  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} may be null when the provider did not say. */
  public RateLimitedException(String message, int status, String providerCode, String requestId,
      Duration retryAfter) {
    super(message, status, providerCode, requestId, null);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
