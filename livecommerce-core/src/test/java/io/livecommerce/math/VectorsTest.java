package io.livecommerce.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void dotMatchesAPlainLoopForEveryRemainderLength() {
    Random rnd = new Random(1);
    for (int len = 0; len < 40; len++) {
      float[] a = new float[len];
      float[] b = new float[len];
      double expected = 0;
      for (int i = 0; i < len; i++) {
        a[i] = rnd.nextFloat() - 0.5f;
        b[i] = rnd.nextFloat() - 0.5f;
        expected += (double) a[i] * b[i];
      }
      assertEquals(expected, Vectors.dot(a, b), 1e-5, "len " + len);
    }
  }

  @Test
  void cosineAndNormalize() {
    float[] a = {3, 4};
    assertEquals(5f, Vectors.norm(a), 1e-6);
    assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.normalize(a), 1e-6f);
    assertArrayEquals(new float[] {3, 4}, a, "normalize copies");
    assertEquals(1f, Vectors.cosine(a, new float[] {6, 8}), 1e-6);
    assertEquals(0f, Vectors.cosine(a, new float[] {0, 0}));
    assertEquals(0f, Vectors.cosine(new float[] {1, 0}, new float[] {0, 1}), 1e-7);
    assertArrayEquals(new float[] {0, 0}, Vectors.normalize(new float[] {0, 0}));
  }

  @Test
  void badInputNamesTheArgument() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[2], new float[3]));
    assertTrue(e.getMessage().contains("a has length 2 but b has length 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Vectors.normalize(new float[] {1, Float.NaN}));
    assertTrue(e.getMessage().contains("a[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Vectors.dot(null, new float[1]));
  }

  @Test
  void matrixValidatesRowsAndCopies() {
    float[] row = {1, 2};
    VectorMatrix m = VectorMatrix.of(List.of(row, new float[] {3, 4}), 2);
    row[0] = 99;
    assertArrayEquals(new float[] {1, 2}, m.row(0));
    assertEquals(11f, m.dot(1, new float[] {1, 2}));
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> VectorMatrix.of(List.of(new float[2], new float[3]), 2));
    assertTrue(e.getMessage().contains("vectors[1] has length 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> VectorMatrix.of(List.of(new float[] {0, Float.POSITIVE_INFINITY}), 2));
    assertTrue(e.getMessage().contains("vectors[0][1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VectorMatrix.ofFlat(new float[5], 2));
    assertEquals(0, VectorMatrix.of(List.of(), 4).rows());
  }
}
