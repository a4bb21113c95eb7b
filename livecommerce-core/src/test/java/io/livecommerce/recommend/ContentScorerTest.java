package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentScorerTest {

  /** One dot product per item, minus the mean over items with text, in double: what the scorer must equal. */
  static double[] expected(float[][] items, float[] profile) {
    double[] out = new double[items.length];
    double mean = 0;
    int withText = 0;
    for (int i = 0; i < items.length; i++) {
      if (items[i] != null) {
        for (int d = 0; d < profile.length; d++) {
          out[i] += (double) profile[d] * items[i][d];
        }
        mean += out[i];
        withText++;
      }
    }
    mean /= withText;
    for (int i = 0; i < items.length; i++) {
      if (items[i] != null) {
        out[i] -= mean;
      }
    }
    return out;
  }

  @Test
  void equalsOneDotProductPerItemAcrossBlocksAndOddDimensions() {
    Random rnd = new Random(7);
    // Sizes around the 2,048-item block and dimensions that are not a multiple of four.
    for (int n : new int[] {1, 5, 2047, 2048, 2049, 5000}) {
      for (int dims : new int[] {1, 3, 4, 7, 384}) {
        float[][] items = new float[n][];
        for (int i = 0; i < n; i++) {
          items[i] = i % 7 == 3 && n > 1 ? null : ByDimensionTest.random(rnd, dims);
        }
        float[] profile = ByDimensionTest.random(rnd, dims);
        float[] got = ContentScorer.of(items).centeredScores(profile);
        double[] want = expected(items, profile);
        assertEquals(n, got.length);
        for (int i = 0; i < n; i++) {
          assertEquals(want[i], got[i], 1e-4 * Math.sqrt(dims), "n " + n + ", dims " + dims + ", item " + i);
          if (items[i] == null) {
            assertEquals(0f, got[i], "an item without text scores 0");
          }
        }
      }
    }
  }

  @Test
  void noItemWithTextMeansNoScorer() {
    assertNull(ContentScorer.of(new float[3][]));
    assertNull(ContentScorer.of(new float[0][]));
  }

  @Test
  void vectorsOfDifferentLengthsAreRefusedNamingTheItem() {
    float[][] items = {{1, 2}, null, {1, 2, 3}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentScorer.of(items));
    assertTrue(e.getMessage().contains("item vector 2 has length 3"), e.getMessage());
  }

  @Test
  void aProfileOfAnotherLengthIsRefused() {
    ContentScorer s = ContentScorer.of(new float[][] {{1, 2}, {3, 4}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.centeredScores(new float[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("profile has length 3"), e.getMessage());
  }
}
