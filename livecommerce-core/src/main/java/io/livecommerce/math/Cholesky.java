package io.livecommerce.math;

/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive-definite matrix stored flat and row-major, and solves
 * with it. Used by the regressions and by ALS, whose many small solves use the in-place forms to avoid allocation.
 *
 * <p>Stateless and thread-safe; the arrays passed in are not protected.
 */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code a} (n x n, only the lower triangle is read) into its lower-triangular factor, written over the
   * lower triangle of a copy.
   *
   * @return the factor, or null when {@code a} is not (numerically) positive definite
   */
  static double[] factor(double[] a, int n) {
    double[] l = a.clone();
    return factorInPlace(l, n, 1e-12) ? l : null;
  }

  /**
   * Overwrites the lower triangle of {@code a} (n x n, row-major) with its Cholesky factor.
   *
   * @param relativeTolerance a pivot at or below this times max(1, |a[j][j]|) counts as singular
   * @return false when {@code a} is not (numerically) positive definite; {@code a} is then partly overwritten
   */
  public static boolean factorInPlace(double[] a, int n, double relativeTolerance) {
    double[] l = a;
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double d = l[rj + j];
      for (int k = 0; k < j; k++) {
        d -= l[rj + k] * l[rj + k];
      }
      // A relative tolerance: a pivot this small means the system is singular in double precision.
      if (!(d > relativeTolerance * Math.max(1.0, Math.abs(l[rj + j])))) {
        return false;
      }
      double ljj = Math.sqrt(d);
      l[rj + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        int ri = i * n;
        double s = l[ri + j];
        for (int k = 0; k < j; k++) {
          s -= l[ri + k] * l[rj + k];
        }
        l[ri + j] = s / ljj;
      }
    }
    return true;
  }

  /** Solves L Lᵀ x = b for x, with {@code l} from {@link #factorInPlace}; returns a new array. */
  public static double[] solve(double[] l, int n, double[] b) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      int ri = i * n;
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * y[k];
      }
      y[i] = s / l[ri + i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * x[k];
      }
      x[i] = s / l[i * n + i];
    }
    return x;
  }
}
