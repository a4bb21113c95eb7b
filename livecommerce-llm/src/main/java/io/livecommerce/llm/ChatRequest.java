package io.livecommerce.llm;

import io.livecommerce.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat completion request. Unset options are left out of the request, so the provider's defaults apply.
 *
 * <p>Immutable and thread-safe. Build with {@link #newBuilder()}.
 *
 * @param messages the conversation, not empty
 * @param model the model, or null for the client's default
 * @param temperature sampling temperature in [0, 2], or null
 * @param topP nucleus sampling in (0, 1], or null
 * @param maxTokens the answer's token limit, or null
 * @param stop stop sequences; may be empty
 * @param seed a sampling seed for providers that support it, or null
 * @param responseFormat the answer format, or null for text
 * @param timeout the deadline for this whole call, streaming and retries included, or null for the client's
 */
public record ChatRequest(List<ChatMessage> messages, String model, Double temperature, Double topP,
    Integer maxTokens, List<String> stop, Long seed, ResponseFormat responseFormat, Duration timeout) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a value is out of range; the message names it
   */
  public ChatRequest {
    messages = Checks.copyNoNulls(Checks.notNull(messages, "messages"), "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    if (temperature != null) {
      Checks.inRange(temperature, 0, 2, "temperature");
    }
    if (topP != null) {
      Checks.inRange(topP, Double.MIN_VALUE, 1, "topP");
    }
    if (maxTokens != null) {
      Checks.positive(maxTokens, "maxTokens");
    }
    stop = Checks.copyNoNulls(Checks.notNull(stop, "stop"), "stop");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
    }
  }

  /** A request of one user message. */
  public static ChatRequest of(String userMessage) {
    return newBuilder().user(userMessage).build();
  }

  /** A new builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.messages.addAll(messages);
    b.model = model;
    b.temperature = temperature;
    b.topP = topP;
    b.maxTokens = maxTokens;
    b.stop = stop;
    b.seed = seed;
    b.responseFormat = responseFormat;
    b.timeout = timeout;
    return b;
  }

  /** Builds a {@link ChatRequest}. Not thread-safe. */
  public static final class Builder {
    private final List<ChatMessage> messages = new ArrayList<>();
    private String model;
    private Double temperature;
    private Double topP;
    private Integer maxTokens;
    private List<String> stop = List.of();
    private Long seed;
    private ResponseFormat responseFormat;
    private Duration timeout;

    private Builder() {}

    /** Appends a message. */
    public Builder message(ChatMessage message) {
      messages.add(Checks.notNull(message, "message"));
      return this;
    }

    /** Appends a system message. */
    public Builder system(String content) {
      return message(ChatMessage.system(content));
    }

    /** Appends a user message. */
    public Builder user(String content) {
      return message(ChatMessage.user(content));
    }

    /** Appends an assistant message. */
    public Builder assistant(String content) {
      return message(ChatMessage.assistant(content));
    }

    /** The model; null for the client's default. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Sampling temperature in [0, 2]. */
    public Builder temperature(double temperature) {
      this.temperature = Checks.inRange(temperature, 0, 2, "temperature");
      return this;
    }

    /** Nucleus sampling in (0, 1]. */
    public Builder topP(double topP) {
      this.topP = Checks.inRange(topP, Double.MIN_VALUE, 1, "topP");
      return this;
    }

    /** The answer's token limit, {@code > 0}. */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Checks.positive(maxTokens, "maxTokens");
      return this;
    }

    /** Stop sequences. */
    public Builder stop(List<String> stop) {
      this.stop = Checks.copyNoNulls(Checks.notNull(stop, "stop"), "stop");
      return this;
    }

    /** A sampling seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The answer format. */
    public Builder responseFormat(ResponseFormat format) {
      this.responseFormat = format;
      return this;
    }

    /** The deadline for this whole call (connecting, retries, waiting and streaming), instead of the client's. */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.notNull(timeout, "timeout");
      return this;
    }

    /** Builds the request. */
    public ChatRequest build() {
      return new ChatRequest(messages, model, temperature, topP, maxTokens, stop, seed, responseFormat, timeout);
    }
  }
}
