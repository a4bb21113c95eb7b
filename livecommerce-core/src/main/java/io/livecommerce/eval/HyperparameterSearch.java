package io.livecommerce.eval;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Grid and seeded random search over candidate configurations, maximizing a validation score (e.g. NDCG@10 on a
 * time-based validation split). Stateless and thread-safe; candidates are evaluated in order on the calling thread.
 */
public final class HyperparameterSearch {

  private HyperparameterSearch() {}

  /**
   * Scores every candidate and returns the best.
   *
   * @throws IllegalArgumentException if {@code candidates} is empty or a score is NaN
   */
  public static <C> SearchResult<C> grid(List<C> candidates, ToDoubleFunction<? super C> score) {
    List<C> list = Checks.copyNoNulls(Checks.notNull(candidates, "candidates"), "candidates");
    Checks.notNull(score, "score");
    if (list.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    List<Double> scores = new ArrayList<>();
    int best = 0;
    for (int i = 0; i < list.size(); i++) {
      double s = score.applyAsDouble(list.get(i));
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("score of candidates[" + i + "] is NaN");
      }
      scores.add(s);
      if (s > scores.get(best)) {
        best = i;
      }
    }
    return new SearchResult<>(list.get(best), scores.get(best), list, scores);
  }

  /**
   * Scores a seeded random sample of {@code trials} candidates (all of them when there are fewer).
   *
   * @throws IllegalArgumentException if {@code trials <= 0} or {@code candidates} is empty
   */
  public static <C> SearchResult<C> random(
      List<C> candidates, int trials, long seed, ToDoubleFunction<? super C> score) {
    Checks.notNull(candidates, "candidates");
    Checks.positive(trials, "trials");
    List<C> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(seed));
    return grid(shuffled.subList(0, Math.min(trials, shuffled.size())), score);
  }
}
