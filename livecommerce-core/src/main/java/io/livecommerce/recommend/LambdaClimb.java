package io.livecommerce.recommend;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The tuners' search for EASE's λ as a multiple of the mean diagonal of XᵀX, over [0.1, 100]: real logs want
 * anything from a tenth of it (dense, clean logs) to 30 times it (sparse star-rating logs with thousands of items).
 * From the middle of the range (√10), climb by factors of √10 while validation improves (up first, then down if up
 * never helped), then refine around the best by factors of 10^¼: about six trials reach quarter-decade resolution
 * anywhere in three decades. Stateless and thread-safe.
 */
final class LambdaClimb {

  static final double START = Math.sqrt(10);
  static final double MIN = 0.1;
  static final double MAX = 100;
  private static final double STEP = Math.sqrt(10);
  private static final double FINE = Math.pow(10, 0.25);
  private static final double SLACK = 1e-9; // so that round-off at the range's ends does not leave it out

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
    boolean moved = false;
    for (double step : new double[] {STEP, 1 / STEP}) {
      for (double l = start * step; inRange(l); l *= step) {
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
        break;
      }
    }
    for (double l : new double[] {best.lambda() * FINE, best.lambda() / FINE}) {
      if (!inRange(l)) {
        continue;
      }
      if (stop.getAsBoolean()) {
        return best;
      }
      double s = score.applyAsDouble(l);
      if (s > best.score() + 1e-12) {
        best = new Best(l, s);
        break; // the other side is beyond a point that did worse
      }
    }
    return best;
  }

  private static boolean inRange(double l) {
    return l >= MIN * (1 - SLACK) && l <= MAX * (1 + SLACK);
  }
}
