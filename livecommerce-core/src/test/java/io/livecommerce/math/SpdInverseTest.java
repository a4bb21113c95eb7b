package io.livecommerce.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpdInverseTest {

  /** A random sparse-ish Gram matrix XᵀX + λI, as item-to-item models build it. */
  static double[] gram(int n, long seed) {
    Random r = new Random(seed);
    int rows = n * 2;
    double[] x = new double[rows * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble() < 0.1 ? 1 + r.nextInt(3) : 0;
    }
    double[] g = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double s = 0;
        for (int u = 0; u < rows; u++) {
          s += x[u * n + a] * x[u * n + b];
        }
        g[a * n + b] = s + (a == b ? 0.5 : 0);
      }
    }
    return g;
  }

  /** Gauss-Jordan with partial pivoting on the full matrix: an independent inverse. */
  static double[] gaussJordan(double[] a, int n) {
    double[] m = a.clone();
    double[] inv = new double[n * n];
    for (int i = 0; i < n; i++) {
      inv[i * n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) {
          p = r;
        }
      }
      for (int j = 0; j < n; j++) {
        double t = m[c * n + j];
        m[c * n + j] = m[p * n + j];
        m[p * n + j] = t;
        t = inv[c * n + j];
        inv[c * n + j] = inv[p * n + j];
        inv[p * n + j] = t;
      }
      double d = m[c * n + c];
      for (int j = 0; j < n; j++) {
        m[c * n + j] /= d;
        inv[c * n + j] /= d;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r * n + c];
          for (int j = 0; j < n; j++) {
            m[r * n + j] -= f * m[c * n + j];
            inv[r * n + j] -= f * inv[c * n + j];
          }
        }
      }
    }
    return inv;
  }

  /** The flat row-major matrix as one array per row. */
  static double[][] rows(double[] flat, int n) {
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
    }
    return a;
  }

  // Sizes below, at and across the block (64), kernel (4) and tile (256) edges.
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 63, 64, 65, 130, 255, 256, 257, 300, 513})
  void matchesGaussJordan(int n) {
    double[] g = gram(n, n);
    double[] expected = gaussJordan(g, n);
    double[][] a = rows(g, n);
    // Only the lower triangle may be read: garbage above the diagonal must not matter.
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        a[i][j] = Double.NaN;
      }
    }
    assertTrue(SpdInverse.invertInPlace(a, 2));
    double scale = 0;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(expected[i * n + j], a[i][j], 1e-9 * scale, "element " + i + "," + j);
      }
    }
  }

  @Test
  void sameResultOnOneThreadOrTwo() {
    double[] g = gram(300, 3);
    double[][] one = rows(g, 300);
    double[][] two = rows(g, 300);
    assertTrue(SpdInverse.invertInPlace(one, 1));
    assertTrue(SpdInverse.invertInPlace(two, 2));
    assertArrayEquals(one, two);
  }

  @Test
  void refusesAMatrixThatIsNotPositiveDefinite() {
    double[][] a = {{1, 2}, {2, 1}};
    assertFalse(SpdInverse.invertInPlace(a, 1));
  }

  @Test
  void badArgumentsNameTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpdInverse.invertInPlace(new double[][] {{1, 0}, {0}}, 1));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("square"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpdInverse.invertInPlace(new double[][] {{1, 0}, null}, 1));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SpdInverse.invertInPlace(new double[][] {{1}}, 0));
    assertThrows(IllegalArgumentException.class, () -> SpdInverse.invertInPlace(null, 1));
  }
}
