package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByDimensionTest {

  static float[] random(Random rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return v;
  }

  @Test
  void rowMajorVectorsScoreAsOneDotProductEachFromAnyOffset() {
    Random rnd = new Random(11);
    for (int count : new int[] {1, 2047, 2049, 4100}) {
      for (int dims : new int[] {1, 5, 8, 64}) {
        float[] flat = random(rnd, count * dims);
        float[] query = random(rnd, dims + 3);
        float[] got = ByDimension.ofRowMajor(flat, count, dims).dotAll(query, 3);
        assertEquals(count, got.length);
        for (int i = 0; i < count; i++) {
          double want = 0;
          for (int d = 0; d < dims; d++) {
            want += (double) query[3 + d] * flat[i * dims + d];
          }
          assertEquals(want, got[i], 1e-4 * Math.sqrt(dims), "count " + count + ", dims " + dims + ", vector " + i);
        }
      }
    }
  }

  @Test
  void aNullVectorScoresZero() {
    float[] got = ByDimension.of(new float[][] {{1, 2}, null, {3, 4}}, 2).dotAll(new float[] {1, 1}, 0);
    assertEquals(3f, got[0]);
    assertEquals(0f, got[1]);
    assertEquals(7f, got[2]);
  }

  @Test
  void aQueryTooShortForItsOffsetIsRefused() {
    ByDimension b = ByDimension.ofRowMajor(new float[] {1, 2, 3, 4}, 2, 2);
    assertThrows(IndexOutOfBoundsException.class, () -> b.dotAll(new float[] {1, 2}, 1));
  }

  @Test
  void theFactorModelScoresEveryItemAsItScoresEachOne() {
    Random rnd = new Random(5);
    int users = 7;
    int items = 3000;
    int factors = 13;
    List<String> u = new ArrayList<>();
    List<String> it = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      u.add("u" + i);
    }
    for (int i = 0; i < items; i++) {
      it.add("i" + i);
    }
    AlsModel m = new AlsModel(u, it, factors, random(rnd, users * factors), random(rnd, items * factors),
        new double[0]);
    for (int user = 0; user < users; user++) {
      float[] all = m.scoreAll(user);
      for (int i = 0; i < items; i++) {
        assertEquals(m.score(user, i), all[i], 1e-4, "user " + user + ", item " + i);
      }
    }
  }
}
