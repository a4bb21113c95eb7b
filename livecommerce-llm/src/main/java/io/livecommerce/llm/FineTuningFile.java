package io.livecommerce.llm;

/**
 * A file stored with the provider for fine-tuning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the provider's file id, e.g. {@code file-abc123}
 * @param filename the name it was uploaded under
 * @param bytes its size
 * @param purpose what it is for ({@code fine-tune})
 * @param createdAt when it was stored, epoch seconds (0 if the provider did not say)
 */
public record FineTuningFile(String id, String filename, long bytes, String purpose, long createdAt) {}
