package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.Arrays;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ridge regression with an intercept and feature standardization, solved exactly by Cholesky, and k-fold
 * cross-validated choice of the penalty.
 *
 * <p>The objective is {@code Σ (y - b - wᵀz)² + λ ||w||²} where {@code z} are the features standardized with the
 * training mean and population standard deviation; the intercept {@code b} is not penalized. Constant features get
 * coefficient 0. When the system is singular (e.g. {@code λ = 0} with collinear features or fewer rows than
 * features) the penalty is raised in small steps until it is solvable, and the model records the penalty used.
 *
 * <p>Training works on sufficient statistics (sums and cross-products), computed in one multi-threaded pass; cross-
 * validation reuses per-fold statistics, so its cost barely depends on the number of folds and penalties.
 *
 * <p>Stateless and thread-safe.
 */
public final class RidgeRegression {

  private static final Logger LOG = LoggerFactory.getLogger(RidgeRegression.class);

  /** The default penalties tried by cross-validation: 1e-3 to 1e5, by factors of 10. */
  public static final double[] DEFAULT_LAMBDAS = {1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4, 1e5};

  private RidgeRegression() {}

  /**
   * Fits a model with penalty {@code lambda}.
   *
   * @param x the rows, each of the same length, all finite; at least one row
   * @param y the targets, finite, one per row
   * @param lambda the penalty, {@code >= 0}
   * @throws IllegalArgumentException if shapes differ or a value is not finite; the message gives row and column
   */
  public static RidgeModel fit(double[][] x, double[] y, double lambda) {
    int d = Moments.validate(x, y);
    Checks.nonNegative(lambda, "lambda");
    int[] all = range(x.length);
    Moments m = Moments.of(x, y, all, columnMeans(x, d), mean(y));
    return solve(m, lambda);
  }

  /**
   * Chooses the penalty from {@code lambdas} by k-fold cross-validated mean squared error, then refits on all rows.
   *
   * @param x the rows, as for {@link #fit}
   * @param y the targets, as for {@link #fit}
   * @param lambdas penalties to try, each {@code >= 0}, not empty
   * @param folds the number of folds, in {@code [2, rows]}
   * @param seed seeds the assignment of rows to folds
   * @return the chosen penalty, every penalty's error, out-of-fold predictions, and the refitted model
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  public static CrossValidatedRidge crossValidate(
      double[][] x, double[] y, double[] lambdas, int folds, long seed) {
    int d = Moments.validate(x, y);
    Checks.notNull(lambdas, "lambdas");
    if (lambdas.length == 0) {
      throw new IllegalArgumentException("lambdas must not be empty");
    }
    for (int i = 0; i < lambdas.length; i++) {
      Checks.nonNegative(lambdas[i], "lambdas[" + i + "]");
    }
    int n = x.length;
    if (folds < 2 || folds > n) {
      throw new IllegalArgumentException("folds must be in [2, " + n + "] (the row count) but was " + folds);
    }
    int[] fold = assignFolds(n, folds, seed);
    double[] shift = columnMeans(x, d);
    double yShift = mean(y);
    Moments[] perFold = new Moments[folds];
    for (int f = 0; f < folds; f++) {
      perFold[f] = Moments.of(x, y, rowsWhere(fold, f, true), shift, yShift);
    }
    Moments total = new Moments(d, shift, yShift);
    for (Moments m : perFold) {
      total.addAll(m);
    }
    double[] mse = new double[lambdas.length];
    for (int f = 0; f < folds; f++) {
      Moments train = total.copy();
      subtract(train, perFold[f]);
      for (int li = 0; li < lambdas.length; li++) {
        RidgeModel model = solve(train, lambdas[li]);
        mse[li] += heldOutSse(model, perFold[f]);
      }
    }
    int best = 0;
    for (int li = 0; li < lambdas.length; li++) {
      mse[li] /= n;
      if (mse[li] < mse[best]) {
        best = li;
      }
    }
    double bestLambda = lambdas[best];
    double[] oof = new double[n];
    for (int f = 0; f < folds; f++) {
      Moments train = total.copy();
      subtract(train, perFold[f]);
      RidgeModel model = solve(train, bestLambda);
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          oof[i] = model.predict(x[i]);
        }
      }
    }
    RidgeModel model = solve(total, bestLambda);
    LOG.debug("ridge CV over {} rows, {} features, {} folds: lambda={} mse={}", n, d, folds, bestLambda, mse[best]);
    return new CrossValidatedRidge(model, bestLambda, lambdas, mse, oof);
  }

  static RidgeModel solve(Moments m, double lambda) {
    int d = m.d;
    long n = m.n;
    if (n == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    boolean[] constant = new boolean[d];
    for (int a = 0; a < d; a++) {
      mean[a] = m.shift[a] + m.sx[a] / n;
      double var = (m.sxx[a * d + a] - m.sx[a] * m.sx[a] / n) / n;
      double ref = Math.max(1.0, Math.abs(mean[a]));
      if (var <= 1e-24 * ref * ref) {
        constant[a] = true;
        scale[a] = 1.0;
      } else {
        scale[a] = Math.sqrt(var);
      }
    }
    double[] g = new double[d * d];
    double[] b = new double[d];
    for (int a = 0; a < d; a++) {
      if (constant[a]) {
        g[a * d + a] = 1.0;
        continue;
      }
      b[a] = (m.sxy[a] - m.sx[a] * m.sy / n) / scale[a];
      for (int c = a; c < d; c++) {
        if (constant[c]) {
          continue;
        }
        double v = (m.sxx[a * d + c] - m.sx[a] * m.sx[c] / n) / (scale[a] * scale[c]);
        g[a * d + c] = v;
        g[c * d + a] = v;
      }
    }
    double used = lambda;
    double[] l = factorWithPenalty(g, d, constant, used);
    if (l == null) {
      double meanDiag = n; // standardized features have diagonal n
      used = Math.max(lambda, 1e-10 * meanDiag);
      while ((l = factorWithPenalty(g, d, constant, used)) == null) {
        if (used > 1e6 * meanDiag) {
          throw new IllegalStateException("ridge system stayed singular up to lambda " + used);
        }
        used *= 10;
      }
      LOG.info("ridge system singular at lambda={} ({} rows, {} features); solved with lambda={}", lambda, n, d, used);
    }
    double[] w = Cholesky.solve(l, d, b);
    for (int a = 0; a < d; a++) {
      if (constant[a]) {
        w[a] = 0;
      }
    }
    double intercept = m.yShift + m.sy / n;
    return new RidgeModel(mean, scale, w, intercept, lambda, used, n);
  }

  private static double[] factorWithPenalty(double[] g, int d, boolean[] constant, double lambda) {
    double[] a = g.clone();
    for (int j = 0; j < d; j++) {
      if (!constant[j]) {
        a[j * d + j] += lambda;
      }
    }
    return Cholesky.factor(a, d);
  }

  /** Σ (y - ŷ)² over the rows summarized by {@code m}, from their moments alone. */
  static double heldOutSse(RidgeModel model, Moments m) {
    int d = m.d;
    double[] beta = model.rawCoefficients();
    double c = model.rawIntercept() - m.yShift;
    for (int j = 0; j < d; j++) {
      c += beta[j] * m.shift[j];
    }
    // residual = y' - βᵀx' - c with x', y' the shifted values.
    double quad = 0;
    for (int a = 0; a < d; a++) {
      if (beta[a] == 0) {
        continue;
      }
      double s = m.sxx[a * d + a] * beta[a];
      for (int b = a + 1; b < d; b++) {
        s += 2 * m.sxx[a * d + b] * beta[b];
      }
      quad += beta[a] * s;
    }
    double xy = 0;
    double xs = 0;
    for (int a = 0; a < d; a++) {
      xy += beta[a] * m.sxy[a];
      xs += beta[a] * m.sx[a];
    }
    double sse = m.syy - 2 * xy - 2 * c * m.sy + quad + 2 * c * xs + m.n * c * c;
    return Math.max(sse, 0);
  }

  private static void subtract(Moments into, Moments o) {
    into.n -= o.n;
    into.sy -= o.sy;
    into.syy -= o.syy;
    for (int a = 0; a < into.d; a++) {
      into.sx[a] -= o.sx[a];
      into.sxy[a] -= o.sxy[a];
    }
    for (int i = 0; i < into.sxx.length; i++) {
      into.sxx[i] -= o.sxx[i];
    }
  }

  static int[] assignFolds(int n, int folds, long seed) {
    int[] order = range(n);
    Random rnd = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] fold = new int[n];
    for (int p = 0; p < n; p++) {
      fold[order[p]] = p % folds;
    }
    return fold;
  }

  private static int[] rowsWhere(int[] fold, int f, boolean in) {
    return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }

  private static double[] columnMeans(double[][] x, int d) {
    double[] mu = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mu[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mu[j] /= x.length;
    }
    return mu;
  }

  private static double mean(double[] y) {
    double s = 0;
    for (double v : y) {
      s += v;
    }
    return s / y.length;
  }
}
