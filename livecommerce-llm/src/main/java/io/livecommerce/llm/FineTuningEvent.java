package io.livecommerce.llm;

/**
 * One event of a fine-tuning job: a status change, a step's metrics, a warning.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the provider's event id
 * @param createdAt when it happened, epoch seconds
 * @param level {@code info}, {@code warn} or {@code error}
 * @param message what happened
 */
public record FineTuningEvent(String id, long createdAt, String level, String message) {}
