package io.livecommerce.recommend;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The tuners' search for EASE's λ as a multiple of the mean diagonal of XᵀX, over [0.1, 100]: real logs want
 * anything from a tenth of it (dense, clean logs) to 30 times it (sparse star-rating logs with thousands of items).
 * From the middle of the range (√10), climb by factors of √10 while validation improves (up first, then down if up
 * never helped), then refine around the best by factors of 10^¼: about six trials reach quarter-decade resolution
 * anywhere in three decades. Every λ tried is a power of 10^¼ to three significant digits (0.1, 0.178, 0.316, 0.562,
 * 1, 1.78, ...): it prints short and, read back from a printout, trains the same model. Stateless and thread-safe.
 */
final class LambdaClimb {

  private static final int MIN_QUARTER = -4; // 0.1
  private static final int MAX_QUARTER = 8; // 100
  private static final int START_QUARTER = 2;
  static final double START = onGrid(START_QUARTER);

  /** The best λ found and its score. */
  record Best(double lambda, double score) {}

  private LambdaClimb() {}

  /** 10^(quarter/4) to three significant digits. */
  static double onGrid(int quarter) {
    return new BigDecimal(Math.pow(10, quarter / 4.0)).round(new MathContext(3)).doubleValue();
  }

  /**
   * Climbs from {@code start} (a grid point, such as {@link #START}), already scored {@code startScore}.
   *
   * @param score validation score of a λ (trains and evaluates one model)
   * @param stop checked before each further trial; true ends the climb
   */
  static Best from(double start, double startScore, DoubleUnaryOperator score, BooleanSupplier stop) {
    int first = (int) Math.round(4 * Math.log10(start));
    Best best = new Best(start, startScore);
    int bestQuarter = first;
    boolean moved = false;
    for (int step : new int[] {2, -2}) {
      for (int q = first + step; q >= MIN_QUARTER && q <= MAX_QUARTER; q += step) {
        if (stop.getAsBoolean()) {
          return best;
        }
        double l = onGrid(q);
        double s = score.applyAsDouble(l);
        if (!(s > best.score() + 1e-12)) {
          break;
        }
        best = new Best(l, s);
        bestQuarter = q;
        moved = true;
      }
      if (moved) {
        break;
      }
    }
    for (int q : new int[] {bestQuarter + 1, bestQuarter - 1}) {
      if (q < MIN_QUARTER || q > MAX_QUARTER) {
        continue;
      }
      if (stop.getAsBoolean()) {
        return best;
      }
      double l = onGrid(q);
      double s = score.applyAsDouble(l);
      if (s > best.score() + 1e-12) {
        best = new Best(l, s);
        break; // the other side is beyond a point that did worse
      }
    }
    return best;
  }
}
