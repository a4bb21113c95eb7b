package io.livecommerce.recommend;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The tuners' search for EASE's λ (a multiple of the mean diagonal of XᵀX): score the start, then double while the
 * validation score improves, and if doubling never helped, halve while it improves, within [1/64, 64]. A few trials
 * find the basin whatever the data's scale. Stateless and thread-safe.
 */
final class LambdaClimb {

  static final double START = 0.5;
  static final double MIN = 1.0 / 64;
  static final double MAX = 64;

  /** The best λ found and its score. */
  record Best(double lambda, double score) {}

  private LambdaClimb() {}

  /**
   * Climbs from {@code start}, already scored {@code startScore}.
   *
   * @param score validation score of a λ (trains and evaluates one model)
   * @param stop checked before each further trial; true ends the climb
   */
  static Best from(double start, double startScore, DoubleUnaryOperator score, BooleanSupplier stop) {
    Best best = new Best(start, startScore);
    for (double step : new double[] {2, 0.5}) {
      boolean moved = false;
      for (double l = start * step; l >= MIN && l <= MAX; l *= step) {
        if (stop.getAsBoolean()) {
          return best;
        }
        double s = score.applyAsDouble(l);
        if (!(s > best.score() + 1e-12)) {
          break;
        }
        best = new Best(l, s);
        moved = true;
      }
      if (moved) {
        return best;
      }
    }
    return best;
  }
}
