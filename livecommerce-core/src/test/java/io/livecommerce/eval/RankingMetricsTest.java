package io.livecommerce.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  // Ranked a b c d e; relevant b, d, x (x never recommended).
  private static final List<String> RANKED = List.of("a", "b", "c", "d", "e");
  private static final Set<String> RELEVANT = Set.of("b", "d", "x");
  private static final double L2 = Math.log(2);

  @Test
  void ndcgWorkedByHand() {
    // DCG@5 = 1/log2(3) + 1/log2(5); IDCG@5 = 1/log2(2) + 1/log2(3) + 1/log2(4).
    double dcg = L2 / Math.log(3) + L2 / Math.log(5);
    double idcg = 1 + L2 / Math.log(3) + 0.5;
    assertEquals(dcg / idcg, RankingMetrics.ndcgAtK(RANKED, RELEVANT, 5), 1e-12);
    // @2: DCG = 1/log2(3); IDCG = 1 + 1/log2(3).
    assertEquals((L2 / Math.log(3)) / (1 + L2 / Math.log(3)), RankingMetrics.ndcgAtK(RANKED, RELEVANT, 2), 1e-12);
    assertEquals(1.0, RankingMetrics.ndcgAtK(List.of("b", "d", "x"), RELEVANT, 3), 1e-12);
  }

  @Test
  void gradedNdcgByHand() {
    // gains b=3, d=1. DCG@3 = 3/log2(3); IDCG@3 = 3/1 + 1/log2(3).
    Map<String, Double> g = Map.of("b", 3.0, "d", 1.0);
    double expected = (3 * L2 / Math.log(3)) / (3 + L2 / Math.log(3));
    assertEquals(expected, RankingMetrics.ndcgAtK(RANKED, g, 3), 1e-12);
  }

  @Test
  void precisionRecallHitRateByHand() {
    assertEquals(2.0 / 5, RankingMetrics.precisionAtK(RANKED, RELEVANT, 5), 1e-12);
    assertEquals(1.0 / 3, RankingMetrics.precisionAtK(RANKED, RELEVANT, 3), 1e-12);
    assertEquals(2.0 / 10, RankingMetrics.precisionAtK(RANKED, RELEVANT, 10), 1e-12, "short list padded");
    assertEquals(2.0 / 3, RankingMetrics.recallAtK(RANKED, RELEVANT, 5), 1e-12);
    assertEquals(0.0, RankingMetrics.recallAtK(RANKED, RELEVANT, 1), 1e-12);
    assertEquals(0.0, RankingMetrics.hitRateAtK(RANKED, RELEVANT, 1));
    assertEquals(1.0, RankingMetrics.hitRateAtK(RANKED, RELEVANT, 2));
  }

  @Test
  void averagePrecisionAndReciprocalRankByHand() {
    // Hits at ranks 2 and 4: P@2 = 1/2, P@4 = 2/4. AP@5 = (0.5 + 0.5) / min(3, 5) = 1/3.
    assertEquals(1.0 / 3, RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 5), 1e-12);
    // AP@2 = 0.5 / min(3, 2) = 0.25.
    assertEquals(0.25, RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 2), 1e-12);
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKED, RELEVANT), 1e-12);
    assertEquals(0.0, RankingMetrics.reciprocalRank(List.of("a"), RELEVANT));
  }

  @Test
  void coverage() {
    assertEquals(0.4, RankingMetrics.catalogCoverage(List.of(List.of("a", "b"), List.of("b", "c", "d")), 10), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.catalogCoverage(List.of(List.of("a", "b")), 1));
  }

  @Test
  void badInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcgAtK(RANKED, RELEVANT, 0));
    assertTrue(e.getMessage().contains("k must be > 0 but was 0"));
    e = assertThrows(IllegalArgumentException.class, () -> RankingMetrics.recallAtK(RANKED, Set.of(), 3));
    assertTrue(e.getMessage().contains("relevant must not be empty"));
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.precisionAtK(List.of("a", "b", "a"), RELEVANT, 3));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.ndcgAtK(RANKED, Map.of("b", -1.0), 3));
    assertTrue(e.getMessage().contains("gains[b]"), e.getMessage());
  }
}
