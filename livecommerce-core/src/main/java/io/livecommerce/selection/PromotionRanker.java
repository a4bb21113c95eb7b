package io.livecommerce.selection;

import io.livecommerce.Scored;
import io.livecommerce.domain.Promotion;
import java.util.List;

/**
 * Ranks candidate promotion designs for an anchor by predicted outcome.
 *
 * <p>Implementations are thread-safe for concurrent {@code rank} calls unless their Javadoc says otherwise.
 */
public interface PromotionRanker {

  /**
   * Predicts the outcome of each candidate that meets the constraints and returns the best {@code k}, best first.
   * The score is the predicted GMV in minor units. Candidates outside the constraints never appear.
   *
   * @param anchorId the anchor, not blank
   * @param candidates promotions to consider, not empty, ids unique
   * @param constraints limits on discount depth and cost; use {@link PromotionConstraints#NONE} for none
   * @param k how many results at most, {@code > 0}
   * @return at most {@code k} forecasts, scores non-increasing
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  List<Scored<PromotionForecast>> rank(
      String anchorId, List<Promotion> candidates, PromotionConstraints constraints, int k);
}
