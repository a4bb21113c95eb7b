package io.livecommerce.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

  /** The reference: a full sort by score descending, then index ascending. */
  private static List<Hit> bySort(float[] scores, int k) {
    return IntStream.range(0, scores.length)
        .mapToObj(i -> new Hit(i, scores[i]))
        .sorted(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparingInt(Hit::index))
        .limit(k)
        .toList();
  }

  @Test
  void matchesAFullSortIncludingTies() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = rnd.nextInt(200);
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        s[i] = rnd.nextInt(20); // many ties
      }
      int k = 1 + rnd.nextInt(30);
      assertEquals(bySort(s, k), TopK.of(s, k), "trial " + trial);
    }
  }

  @Test
  void smallCaseByHand() {
    List<Hit> hits = TopK.of(new float[] {0.1f, 0.9f, 0.5f, 0.9f}, 3);
    assertEquals(List.of(new Hit(1, 0.9f), new Hit(3, 0.9f), new Hit(2, 0.5f)), hits);
    assertEquals(List.of(), TopK.of(new float[0], 3));
    assertEquals(2, TopK.of(new float[] {1, 2}, 10).size());
  }

  @Test
  void matrixSearchParallelPathEqualsSequentialReference() {
    Random rnd = new Random(3);
    int n = 6000;
    int dim = 256; // 1.5M floats: above the parallel threshold
    assertTrue((long) n * dim >= TopK.PARALLEL_THRESHOLD);
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = (float) rnd.nextGaussian();
      }
      rows.add(v);
    }
    VectorMatrix m = VectorMatrix.of(rows, dim);
    float[] q = rows.get(42).clone();
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Vectors.dot(rows.get(i), 0, q, 0, dim);
    }
    List<Hit> expected = bySort(scores, 25);
    assertEquals(expected, TopK.search(m, q, 25));
    assertEquals(42, TopK.search(m, q, 1).get(0).index());
    List<Hit> even = TopK.search(m, q, 10, i -> i % 2 == 0);
    assertTrue(even.stream().allMatch(h -> h.index() % 2 == 0));
    assertEquals(10, even.size());
  }

  @Test
  void badInput() {
    VectorMatrix m = VectorMatrix.of(List.of(new float[] {1, 0}), 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TopK.search(m, new float[] {1, 0}, 0));
    assertTrue(e.getMessage().contains("k must be > 0 but was 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TopK.search(m, new float[] {1, 0, 0}, 1));
    assertTrue(e.getMessage().contains("query has length 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TopK.search(m, new float[] {Float.NaN, 0}, 1));
    assertTrue(e.getMessage().contains("query[0]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TopK.of(new float[] {1, Float.NaN}, 1));
    assertTrue(e.getMessage().contains("scores[1]"), e.getMessage());
  }
}
