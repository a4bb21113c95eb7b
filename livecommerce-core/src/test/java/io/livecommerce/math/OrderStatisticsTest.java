package io.livecommerce.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

  @Test
  void quantilesInterpolateAndMedianAveragesTheMiddle() {
    double[] v = {1, 2, 4, 8};
    assertEquals(1, OrderStatistics.quantile(v, 0), 0);
    assertEquals(8, OrderStatistics.quantile(v, 1), 0);
    assertEquals(1.75, OrderStatistics.quantile(v, 0.25), 1e-15); // position 0.75 between 1 and 2
    assertEquals(3, OrderStatistics.median(4, r -> v[(int) r]), 0);
    assertEquals(2, OrderStatistics.median(3, r -> v[(int) r]), 0);
    assertEquals(7, OrderStatistics.quantile(1, 0.3, r -> 7), 0);
  }

  @Test
  void readsOnlyTheRanksItAnnounces() {
    Random rnd = new Random(3);
    for (int n : new int[] {1, 2, 5, 20, 101, 1000}) {
      double[] sorted = rnd.doubles(n).sorted().toArray();
      double[] qs = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
      long[] ranks = OrderStatistics.ranks(n, qs);
      for (int i = 1; i < ranks.length; i++) {
        assertTrue(ranks[i] > ranks[i - 1], "ascending and distinct: " + Arrays.toString(ranks));
      }
      LongToDoubleFunction strict = r -> {
        if (Arrays.binarySearch(ranks, r) < 0) {
          throw new AssertionError("rank " + r + " not announced for n=" + n);
        }
        return sorted[(int) r];
      };
      for (double q : qs) {
        assertEquals(OrderStatistics.quantile(sorted, q), OrderStatistics.quantile(n, q, strict), 0);
      }
      assertEquals(OrderStatistics.median(n, r -> sorted[(int) r]), OrderStatistics.median(n, strict), 0);
    }
  }

  @Test
  void skewnessOfARightTailIsPositiveAndOfAConstantZero() {
    assertTrue(OrderStatistics.skewness(new double[] {1, 1, 1, 1, 10}) > 1);
    assertEquals(0, OrderStatistics.skewness(new double[] {3, 3, 3}), 0);
    assertEquals(0, OrderStatistics.skewness(new double[] {1, 2, 3}), 1e-15);
  }

  @Test
  void badArgumentsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrderStatistics.ranks(0, 0.5)).getMessage()
        .contains("n"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrderStatistics.ranks(5, 1.5)).getMessage()
        .contains("quantiles[0]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OrderStatistics.quantile(new double[0], 0.5))
        .getMessage().contains("n"));
    assertArrayEquals(new long[] {0}, OrderStatistics.ranks(1, 0.5, 1));
  }
}
