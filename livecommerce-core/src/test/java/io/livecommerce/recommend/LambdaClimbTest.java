package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaClimbTest {

  /** A validation curve peaked at {@code peak} on the log scale. */
  static double curve(double lambda, double peak) {
    double d = Math.log10(lambda) - Math.log10(peak);
    return 1 - d * d;
  }

  static LambdaClimb.Best climb(double peak, List<Double> tried) {
    return LambdaClimb.from(LambdaClimb.START, curve(LambdaClimb.START, peak), l -> {
      tried.add(l);
      return curve(l, peak);
    }, () -> false);
  }

  @Test
  void findsAPeakAnywhereInThreeDecadesWithinAQuarterDecadeInFewTrials() {
    for (double peak : new double[] {0.1, 0.3, 1, 5, 20, 30, 100}) {
      List<Double> tried = new ArrayList<>();
      LambdaClimb.Best b = climb(peak, tried);
      double off = Math.abs(Math.log10(b.lambda()) - Math.log10(peak));
      assertTrue(off <= 0.126, "peak " + peak + ": found " + b.lambda() + " after " + tried);
      assertTrue(tried.size() <= 6, "peak " + peak + ": " + tried.size() + " trials " + tried);
      assertTrue(tried.stream().allMatch(l -> l >= 0.0999 && l <= 100.01), tried.toString());
      assertTrue(tried.stream().allMatch(l -> new BigDecimal(ImplicitTuner.plain(l)).precision() <= 3),
          "printed with more than 3 digits: " + tried);
    }
  }

  @Test
  void gridPointsAreQuarterDecadesThatPrintShort() {
    List<String> printed = new ArrayList<>();
    for (int q = -4; q <= 8; q++) {
      double l = LambdaClimb.onGrid(q);
      assertEquals(q / 4.0, Math.log10(l), 0.002, "quarter " + q);
      printed.add(ImplicitTuner.plain(l));
    }
    assertEquals(List.of("0.1", "0.178", "0.316", "0.562", "1", "1.78", "3.16", "5.62", "10", "17.8", "31.6", "56.2",
        "100"), printed);
    assertEquals(3.16, LambdaClimb.START);
  }

  @Test
  void theStopEndsTheClimbAndKeepsTheBestSoFar() {
    List<Double> tried = new ArrayList<>();
    LambdaClimb.Best b = LambdaClimb.from(LambdaClimb.START, curve(LambdaClimb.START, 30), l -> {
      tried.add(l);
      return curve(l, 30);
    }, () -> tried.size() >= 1);
    assertEquals(1, tried.size());
    assertEquals(10, b.lambda(), 1e-9);
  }
}
