package io.livecommerce.math;

/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive-definite matrix stored flat and row-major, and solves
 * with it. Package-private: the public entry points are the regressions.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code a} (n x n, only the lower triangle is read) into its lower-triangular factor, written over the
   * lower triangle of a copy.
   *
   * @return the factor, or null when {@code a} is not (numerically) positive definite
   */
  static double[] factor(double[] a, int n) {
    double[] l = a.clone();
    for (int j = 0; j < n; j++) {
      int rj = j * n;
      double d = l[rj + j];
      for (int k = 0; k < j; k++) {
        d -= l[rj + k] * l[rj + k];
      }
      // A relative tolerance: a pivot this small means the system is singular in double precision.
      if (!(d > 1e-12 * Math.max(1.0, Math.abs(a[rj + j])))) {
        return null;
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
    return l;
  }

  /** Solves L Lᵀ x = b for x, with {@code l} from {@link #factor}. */
  static double[] solve(double[] l, int n, double[] b) {
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
