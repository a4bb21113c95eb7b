package io.livecommerce.eval;

import java.util.List;

/**
 * The outcome of a hyper-parameter search: the best candidate, its score, and every candidate's score.
 *
 * <p>Immutable, and thread-safe when {@code C} is.
 *
 * @param best the candidate with the highest score (the first one on ties)
 * @param bestScore its score
 * @param candidates every candidate tried, in order
 * @param scores their scores, aligned with {@code candidates}
 * @param <C> the configuration type
 */
public record SearchResult<C>(C best, double bestScore, List<C> candidates, List<Double> scores) {

  /** Copies the lists. */
  public SearchResult {
    candidates = List.copyOf(candidates);
    scores = List.copyOf(scores);
  }
}
