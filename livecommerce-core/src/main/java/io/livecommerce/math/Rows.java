package io.livecommerce.math;

/**
 * The one inner loop of {@link SpdInverse}: rows minus a combination of other rows, written so that the JIT
 * (HotSpot C2 on JDK 17) emits vector instructions. It only does so when every row is its own array, the loop stores
 * into one row, and the body reads at most four others: {@code c -= p0·b0 + p1·b1 + p2·b2 + p3·b3} ran at 13-15 G
 * multiply-adds per second on one core here, {@code y -= a·x} over one flat array at 3, and eight source rows or two
 * target rows were not vectorized at all. Stateless and thread-safe.
 */
final class Rows {

  private Rows() {}

  /**
   * {@code c0[j] -= Σ_t x0[xOff + t] · b[bRow + t][j]} for {@code t < count} and {@code from <= j < to}; the same for
   * {@code c1} with {@code x1} when {@code c1} is not null. The targets must not be among the source rows.
   */
  static void subtract(double[] c0, double[] c1, double[][] b, int bRow, double[] x0, double[] x1, int xOff,
      int count, int from, int to) {
    if (from >= to) {
      return;
    }
    int t = 0;
    for (; t + 3 < count; t += 4) {
      double[] b0 = b[bRow + t];
      double[] b1 = b[bRow + t + 1];
      double[] b2 = b[bRow + t + 2];
      double[] b3 = b[bRow + t + 3];
      int x = xOff + t;
      double p0 = x0[x];
      double p1 = x0[x + 1];
      double p2 = x0[x + 2];
      double p3 = x0[x + 3];
      if (c1 == null) {
        if (p0 != 0 || p1 != 0 || p2 != 0 || p3 != 0) {
          one(c0, b0, b1, b2, b3, p0, p1, p2, p3, from, to);
        }
        continue;
      }
      double q0 = x1[x];
      double q1 = x1[x + 1];
      double q2 = x1[x + 2];
      double q3 = x1[x + 3];
      // One target at a time: a loop that stores into two rows is not vectorized by the JIT.
      if (p0 != 0 || p1 != 0 || p2 != 0 || p3 != 0) {
        one(c0, b0, b1, b2, b3, p0, p1, p2, p3, from, to);
      }
      if (q0 != 0 || q1 != 0 || q2 != 0 || q3 != 0) {
        one(c1, b0, b1, b2, b3, q0, q1, q2, q3, from, to);
      }
    }
    for (; t < count; t++) {
      double[] bt = b[bRow + t];
      double p = x0[xOff + t];
      if (p != 0) {
        single(c0, bt, p, from, to);
      }
      if (c1 != null && x1[xOff + t] != 0) {
        single(c1, bt, x1[xOff + t], from, to);
      }
    }
  }

  private static void one(double[] c, double[] b0, double[] b1, double[] b2, double[] b3, double p0, double p1,
      double p2, double p3, int from, int to) {
    for (int j = from; j < to; j++) {
      c[j] -= p0 * b0[j] + p1 * b1[j] + p2 * b2[j] + p3 * b3[j];
    }
  }

  private static void single(double[] c, double[] b, double p, int from, int to) {
    for (int j = from; j < to; j++) {
      c[j] -= p * b[j];
    }
  }
}
