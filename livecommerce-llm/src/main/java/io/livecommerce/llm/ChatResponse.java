package io.livecommerce.llm;

/**
 * A chat completion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param content the answer text (PII placeholders already restored)
 * @param finishReason why the model stopped, e.g. {@code stop} or {@code length}; empty when not reported
 * @param usage token counts, {@link Usage#NONE} when not reported
 * @param model the model that answered
 * @param requestId the provider's request id, or empty
 */
public record ChatResponse(String content, String finishReason, Usage usage, String model, String requestId) {}
