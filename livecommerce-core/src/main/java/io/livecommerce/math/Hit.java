package io.livecommerce.math;

/**
 * One result of a top-k search: the row (or array) index and its score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the index searched over
 * @param score its score
 */
public record Hit(int index, float score) {}
