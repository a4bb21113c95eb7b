package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The inverse of a symmetric positive-definite matrix, for item-to-item models whose Gram matrix has thousands of
 * rows: a blocked Cholesky factor {@code L}, its inverse {@code W = L⁻¹}, then {@code A⁻¹ = WᵀW}. About n³/2
 * multiply-adds in all.
 *
 * <p>The matrix is given as one array per row because the JIT only turns the inner loops into vector instructions
 * when the rows they read and write are different arrays: every inner loop subtracts four source rows, scaled, from
 * one target row, over tiles small enough to stay in cache, and the tiles run in parallel. At 4,000 rows on 2 cores
 * this took 2.6 s, where the same blocked algorithm over one flat array took 8.1 s.
 *
 * <p>Memory: the rows ({@code 8n²} bytes) are overwritten with the inverse and one more {@code 8n²} buffer is used,
 * so 5,000 rows need about 400 MB and 10,000 rows about 1.6 GB of heap.
 *
 * <p>Stateless and thread-safe; each call uses its own pool of {@code threads} daemon workers. The result does not
 * depend on the thread count: every element is computed by one task in a fixed order.
 */
public final class SpdInverse {

  /** Rows per block of the factorization. */
  static final int BLOCK = 64;
  /** Columns per tile: a tile of a block of rows stays in the L2 cache. */
  private static final int TILE = 256;

  private SpdInverse() {}

  /**
   * Overwrites {@code a} (n x n, {@code a[i]} the i-th row, symmetric; only the lower triangle is read) with its
   * inverse, both triangles filled.
   *
   * @param threads worker threads, {@code >= 1}
   * @return false when {@code a} is not (numerically) positive definite; {@code a} is then partly overwritten
   * @throws IllegalArgumentException if a row is null or its length is not the number of rows, or
   *     {@code threads < 1}
   */
  public static boolean invertInPlace(double[][] a, int threads) {
    Checks.notNull(a, "a");
    int n = a.length;
    for (int i = 0; i < n; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new IllegalArgumentException("row " + i + " of a has " + (a[i] == null ? "no" : a[i].length)
            + " elements, not " + n + " (a must be square)");
      }
    }
    Checks.positive(threads, "threads");
    if (n == 0) {
      return true;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      if (!factor(a, pool)) {
        return false;
      }
      double[][] w = invertLower(a, pool);
      gram(w, a, pool);
      return true;
    } finally {
      pool.shutdown();
    }
  }

  /** Right-looking blocked Cholesky: the lower triangle of {@code a} becomes L (the upper triangle is scratch). */
  private static boolean factor(double[][] a, ForkJoinPool pool) {
    int n = a.length;
    double[][] panelT = new double[BLOCK][n];
    for (int kb = 0; kb < n; kb += BLOCK) {
      int e = Math.min(kb + BLOCK, n);
      int nb = e - kb;
      // The diagonal block, unblocked (earlier panels are already subtracted from it).
      for (int j = kb; j < e; j++) {
        double[] rj = a[j];
        double d = rj[j];
        for (int t = kb; t < j; t++) {
          d -= rj[t] * rj[t];
        }
        if (!(d > 1e-12 * Math.max(1.0, Math.abs(rj[j])))) {
          return false;
        }
        double ljj = Math.sqrt(d);
        rj[j] = ljj;
        for (int i = j + 1; i < e; i++) {
          double[] ri = a[i];
          double s = ri[j];
          for (int t = kb; t < j; t++) {
            s -= ri[t] * rj[t];
          }
          ri[j] = s / ljj;
        }
      }
      if (e == n) {
        break;
      }
      // The panel below it: L21 = A21 L11⁻ᵀ, row by row.
      final int kb0 = kb;
      pool.submit(() -> IntStream.range(e, n).parallel().forEach(i -> {
        double[] ri = a[i];
        for (int j = kb0; j < e; j++) {
          double[] rj = a[j];
          double s = ri[j];
          for (int t = kb0; t < j; t++) {
            s -= ri[t] * rj[t];
          }
          ri[j] = s / rj[j];
        }
      })).join();
      // The panel transposed, so the trailing update reads whole rows.
      for (int i = e; i < n; i++) {
        for (int t = 0; t < nb; t++) {
          panelT[t][i] = a[i][kb + t];
        }
      }
      // Trailing update A22 -= L21 L21ᵀ (lower triangle), one task per column tile.
      int tiles = (n - e + TILE - 1) / TILE;
      pool.submit(() -> IntStream.range(0, tiles).parallel().forEach(tile -> {
        int j0 = e + tile * TILE;
        int j1 = Math.min(j0 + TILE, n);
        int i = j0;
        // Two rows at a time; the second row's end also bounds the first, which only touches its scratch half.
        for (; i + 1 < n; i += 2) {
          int jEnd = Math.min(j1, i + 2);
          Rows.subtract(a[i], a[i + 1], panelT, 0, a[i], a[i + 1], kb0, nb, j0, jEnd);
        }
        if (i < n) {
          Rows.subtract(a[i], null, panelT, 0, a[i], null, kb0, nb, j0, Math.min(j1, i + 1));
        }
      })).join();
    }
    return true;
  }

  /**
   * W = L⁻¹ (lower triangular; its zero upper triangle is written), column tile by column tile: the tiles are
   * independent, so each is one task. Within a tile, forward substitution by blocks of rows: the finished rows
   * above a block, a chunk at a time so the chunk stays in cache, then the block itself row by row.
   */
  private static double[][] invertLower(double[][] l, ForkJoinPool pool) {
    int n = l.length;
    double[][] w = new double[n][n];
    int tiles = (n + TILE - 1) / TILE;
    pool.submit(() -> IntStream.range(0, tiles).parallel().forEach(tile -> {
      int j0 = tile * TILE;
      int j1 = Math.min(j0 + TILE, n);
      for (int ib = j0 - j0 % BLOCK; ib < n; ib += BLOCK) {
        int ie = Math.min(ib + BLOCK, n);
        int first = Math.max(ib, j0);
        // Rows of the block against the finished rows above it (W[k][j] = 0 for j > k, so from j0 on).
        for (int kc = j0; kc < first; kc += BLOCK) {
          int kcEnd = Math.min(kc + BLOCK, first);
          int i = first;
          for (; i + 1 < ie; i += 2) {
            Rows.subtract(w[i], w[i + 1], w, kc, l[i], l[i + 1], kc, kcEnd - kc, j0, Math.min(j1, kcEnd));
          }
          if (i < ie) {
            Rows.subtract(w[i], null, w, kc, l[i], null, kc, kcEnd - kc, j0, Math.min(j1, kcEnd));
          }
        }
        // Within the block, row by row: a row above in the block is final once its turn has passed.
        for (int i = first; i < ie; i++) {
          double[] wi = w[i];
          if (i < j1) {
            wi[i] += 1;
          }
          int jEnd = Math.min(j1, i + 1);
          Rows.subtract(wi, null, w, first, l[i], null, first, i - first, j0, jEnd);
          double inv = 1 / l[i][i];
          for (int j = j0; j < jEnd; j++) {
            wi[j] *= inv;
          }
        }
      }
    })).join();
    return w;
  }

  /**
   * out = WᵀW for lower-triangular W: out[a][b] = Σ_{k >= max(a,b)} W[k][a] W[k][b]. The upper triangle, one task
   * per block of rows, then mirrored.
   */
  private static void gram(double[][] w, double[][] out, ForkJoinPool pool) {
    int n = w.length;
    for (double[] row : out) {
      Arrays.fill(row, 0);
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(block -> {
      int a0 = block * BLOCK;
      int a1 = Math.min(a0 + BLOCK, n);
      double[] wa0 = new double[BLOCK];
      double[] wa1 = new double[BLOCK];
      for (int b0 = a0; b0 < n; b0 += TILE) {
        int b1 = Math.min(b0 + TILE, n);
        // W[k][b] = 0 for b > k: k starts at b0. A chunk of W's rows at a time stays in cache for the block.
        for (int kc = b0; kc < n; kc += BLOCK) {
          int kcEnd = Math.min(kc + BLOCK, n);
          int nk = kcEnd - kc;
          int rowEnd = Math.min(a1, kcEnd);
          for (int row = a0; row < rowEnd; row += 2) {
            boolean two = row + 1 < rowEnd;
            // Coefficients W[k][row], negated: subtracting -x adds x exactly.
            for (int t = 0; t < nk; t++) {
              wa0[t] = -w[kc + t][row];
              wa1[t] = two ? -w[kc + t][row + 1] : 0;
            }
            Rows.subtract(out[row], two ? out[row + 1] : null, w, kc, wa0, two ? wa1 : null, 0, nk,
                Math.max(b0, row), Math.min(b1, kcEnd));
          }
        }
      }
    })).join();
    for (int r = 0; r < n; r++) {
      for (int c = r + 1; c < n; c++) {
        out[c][r] = out[r][c];
      }
    }
  }
}
