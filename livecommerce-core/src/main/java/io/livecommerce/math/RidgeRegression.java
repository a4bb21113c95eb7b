package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    return crossValidate(x, y, lambdas, new int[d], new double[][] {{1}}, folds, seed);
  }

  /**
   * As {@link #crossValidate(double[][], double[], double[], int, long)} with a second feature block (columns from
   * {@code blockStart} on, e.g. a text embedding) whose penalty is {@code λ · ratio}: cross-validation chooses
   * {@code λ} and the ratio as the block overload does. A ratio of {@link Double#POSITIVE_INFINITY} leaves the block
   * out, so a block that only adds noise is switched off rather than allowed to make the error worse.
   *
   * @param blockStart the first column of the second block, in {@code [0, columns]} ({@code columns}: no block)
   * @param blockRatios ratios to try, each {@code > 0} (infinity allowed), not empty
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  public static CrossValidatedRidge crossValidate(double[][] x, double[] y, double[] lambdas, int blockStart,
      double[] blockRatios, int folds, long seed) {
    int d = Moments.validate(x, y);
    if (blockStart < 0 || blockStart > d) {
      throw new IllegalArgumentException("blockStart must be in [0, " + d + "] but was " + blockStart);
    }
    int[] blockOf = new int[d];
    for (int j = blockStart; j < d; j++) {
      blockOf[j] = 1;
    }
    return crossValidate(x, y, lambdas, blockOf, new double[][] {{1}, Checks.notNull(blockRatios, "blockRatios")},
        folds, seed);
  }

  /**
   * Cross-validation over penalty blocks: column {@code j} belongs to block {@code blockOf[j]}; block 0's penalty is
   * {@code λ}, block {@code b}'s is {@code λ · r_b} with {@code r_b} from {@code blockRatios[b]} (infinity leaves the
   * block out). The search is staged, all on the same folds and from one pass over the data: {@code λ} and every
   * combination of ratios of the blocks but the last, with the last left out (or at its first ratio); then the last
   * block's ratios at that {@code λ}; then {@code λ} again at the chosen ratio. The last block should be the large one
   * (a text embedding): the first stage's systems stay small, and blocks left out never enter a factorization.
   *
   * @param blockOf each column's block, in {@code [0, blockRatios.length)}
   * @param blockRatios per block the ratios to try, each {@code > 0}, not empty; {@code blockRatios[0]} must be
   *     {@code {1}}
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  public static CrossValidatedRidge crossValidate(double[][] x, double[] y, double[] lambdas, int[] blockOf,
      double[][] blockRatios, int folds, long seed) {
    int d = Moments.validate(x, y);
    validateSearch(d, lambdas, blockOf, blockRatios);
    int n = x.length;
    if (folds < 2 || folds > n) {
      throw new IllegalArgumentException("folds must be in [2, " + n + "] (the row count) but was " + folds);
    }
    int[] fold = assignFolds(n, folds, seed);
    List<RidgeStatistics> perFold = foldStatistics(x, y, fold, folds);
    Search s = search(perFold, lambdas, blockOf, blockRatios);
    double[] oof = new double[n];
    for (int i = 0; i < n; i++) {
      oof[i] = s.foldModels.get(fold[i]).predict(x[i]);
    }
    return s.result(oof);
  }

  /**
   * Cross-validation from per-fold statistics built elsewhere (see {@link RidgeStatistics}), with the same search as
   * {@link #crossValidate(double[][], double[], double[], int[], double[][], int, long)}; what it returns has the fold
   * models but no out-of-fold predictions (the rows are not here: predict them with {@link
   * CrossValidatedRidge#foldModel}).
   *
   * @param perFold one per fold, at least 2, sharing one shift, each with at least one row
   * @throws IllegalArgumentException if an argument is invalid; the message names it
   */
  public static CrossValidatedRidge crossValidate(List<RidgeStatistics> perFold, double[] lambdas, int[] blockOf,
      double[][] blockRatios) {
    List<RidgeStatistics> folds = Checks.copyNoNulls(Checks.notNull(perFold, "perFold"), "perFold");
    if (folds.size() < 2) {
      throw new IllegalArgumentException("perFold needs at least 2 folds but has " + folds.size());
    }
    int d = folds.get(0).dimension();
    for (int f = 1; f < folds.size(); f++) {
      if (folds.get(f).dimension() != d) {
        throw new IllegalArgumentException("perFold[" + f + "] has " + folds.get(f).dimension()
            + " features but perFold[0] has " + d);
      }
    }
    validateSearch(d, lambdas, blockOf, blockRatios);
    return search(folds, lambdas, blockOf, blockRatios).result(null);
  }

  /**
   * The fold of row {@code row} (its 0-based position in the training rows) among {@code folds}: rows are taken in
   * consecutive groups of {@code folds}, each group spread over the folds by its own seeded permutation. Every row is
   * equally likely in each fold, fold sizes differ by at most one, and a row's fold depends on its position and the
   * seed alone, so an engine that holds rows on many machines assigns the folds the in-process path does.
   *
   * @throws IllegalArgumentException if {@code row < 0} or {@code folds < 2}
   */
  public static int foldOf(long row, int folds, long seed) {
    Checks.nonNegative(row, "row");
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
    }
    long group = row / folds;
    int[] perm = new int[folds];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + group);
    for (int i = 0; i < folds; i++) {
      perm[i] = i;
    }
    for (int i = folds - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm[(int) (row % folds)];
  }

  /** Per-fold statistics of {@code x}, shifted by the column means, computed on up to all cores. */
  private static List<RidgeStatistics> foldStatistics(double[][] x, double[] y, int[] fold, int folds) {
    double[] shift = columnMeans(x, x[0].length);
    double yShift = mean(y);
    List<RidgeStatistics> out = new ArrayList<>(folds);
    for (int f = 0; f < folds; f++) {
      out.add(new RidgeStatistics(Moments.of(x, y, rowsWhere(fold, f, true), shift, yShift)));
    }
    return out;
  }

  /** What the search chose, with the fold models and the refitted model. */
  private record Search(RidgeModel model, double lambda, double[] lambdas, double[] mses, double[] ratios,
      List<RidgeModel> foldModels, double totalSumOfSquares) {
    CrossValidatedRidge result(double[] oof) {
      return new CrossValidatedRidge(model, lambda, lambdas, mses, oof, ratios, foldModels, totalSumOfSquares);
    }
  }

  private static Search search(List<RidgeStatistics> folds, double[] lambdas, int[] blockOf,
      double[][] blockRatios) {
    Moments[] perFold = folds.stream().map(r -> r.moments).toArray(Moments[]::new);
    int d = perFold[0].d;
    Moments total = new Moments(d, perFold[0].shift, perFold[0].yShift);
    for (int f = 0; f < perFold.length; f++) {
      Moments m = perFold[f];
      if (m.n == 0) {
        throw new IllegalArgumentException("perFold[" + f + "] holds no rows; every fold needs one");
      }
      if (m.yShift != total.yShift || !Arrays.equals(m.shift, total.shift)) {
        throw new IllegalArgumentException("perFold statistics must share one shift");
      }
      total.addAll(m);
    }
    long n = total.n;
    // Stage 1 chooses λ and every block but the last, with the last left out (or at its first ratio), where the
    // system is small. Stage 2 chooses the last block's ratio (the large block, text) at that λ, and stage 3 chooses λ
    // again with that ratio: under twenty large solves per fold instead of the whole grid.
    int last = blockRatios.length - 1;
    double[][] stage1 = blockRatios.clone();
    if (last > 0) {
      boolean canDrop = Arrays.stream(blockRatios[last]).anyMatch(Double::isInfinite);
      stage1[last] = new double[] {canDrop ? Double.POSITIVE_INFINITY : blockRatios[last][0]};
    }
    List<double[]> combos = combinations(stage1);
    double[][] mse = gridErrors(total, perFold, lambdas, blockOf, combos, n);
    int[] best = argmin(mse);
    double[] bestRatios = combos.get(best[0]);
    int bestL = best[1];
    double bestMse = mse[best[0]][bestL];
    double[] bestMses = mse[best[0]];
    if (last > 0 && blockRatios[last].length > 1) {
      List<double[]> stage2 = new ArrayList<>();
      for (double r : blockRatios[last]) {
        double[] c = bestRatios.clone();
        c[last] = r;
        stage2.add(c);
      }
      double[][] m2 = gridErrors(total, perFold, new double[] {lambdas[bestL]}, blockOf, stage2, n);
      int[] b2 = argmin(m2);
      if (m2[b2[0]][0] < bestMse) {
        bestRatios = stage2.get(b2[0]);
        bestMse = m2[b2[0]][0];
        if (!Double.isInfinite(bestRatios[last])) {
          double[][] m3 = gridErrors(total, perFold, lambdas, blockOf, List.of(bestRatios), n);
          bestMses = m3[0];
          for (int li = 0; li < lambdas.length; li++) {
            if (m3[0][li] < bestMse) {
              bestMse = m3[0][li];
              bestL = li;
            }
          }
        }
      }
    }
    double bestLambda = lambdas[bestL];
    List<RidgeModel> foldModels = new ArrayList<>(perFold.length);
    for (Moments held : perFold) {
      Moments train = total.copy();
      subtract(train, held);
      foldModels.add(solve(train, bestLambda, blockOf, bestRatios));
    }
    RidgeModel model = solve(total, bestLambda, blockOf, bestRatios);
    LOG.debug("ridge CV over {} rows, {} features, {} folds: lambda={} block ratios={} mse={}", n, d, perFold.length,
        bestLambda, Arrays.toString(bestRatios), bestMse);
    double sst = Math.max(0, total.syy - total.sy * total.sy / n);
    return new Search(model, bestLambda, lambdas, bestMses, bestRatios, List.copyOf(foldModels), sst);
  }

  private static void validateSearch(int d, double[] lambdas, int[] blockOf, double[][] blockRatios) {
    Checks.notNull(lambdas, "lambdas");
    if (lambdas.length == 0) {
      throw new IllegalArgumentException("lambdas must not be empty");
    }
    for (int i = 0; i < lambdas.length; i++) {
      Checks.nonNegative(lambdas[i], "lambdas[" + i + "]");
    }
    Checks.notNull(blockOf, "blockOf");
    Checks.sameLength(blockOf.length, d, "blockOf", "columns");
    Checks.notNull(blockRatios, "blockRatios");
    if (blockRatios.length == 0 || blockRatios[0] == null || blockRatios[0].length != 1 || blockRatios[0][0] != 1) {
      throw new IllegalArgumentException("blockRatios[0] must be {1}: block 0's penalty is lambda itself");
    }
    for (int b = 0; b < blockRatios.length; b++) {
      Checks.notNull(blockRatios[b], "blockRatios[" + b + "]");
      if (blockRatios[b].length == 0) {
        throw new IllegalArgumentException("blockRatios[" + b + "] must not be empty");
      }
      for (int i = 0; i < blockRatios[b].length; i++) {
        if (!(blockRatios[b][i] > 0)) {
          throw new IllegalArgumentException("blockRatios[" + b + "][" + i + "] must be > 0 but was "
              + blockRatios[b][i]);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      if (blockOf[j] < 0 || blockOf[j] >= blockRatios.length) {
        throw new IllegalArgumentException("blockOf[" + j + "] must be in [0, " + blockRatios.length + ") but was "
            + blockOf[j]);
      }
    }
  }

  /** Cross-validated mean squared error of every (ratio combination, lambda). */
  private static double[][] gridErrors(Moments total, Moments[] perFold, double[] lambdas, int[] blockOf,
      List<double[]> combos, long n) {
    double[][] mse = new double[combos.size()][lambdas.length];
    for (Moments held : perFold) {
      Moments train = total.copy();
      subtract(train, held);
      for (int ci = 0; ci < combos.size(); ci++) {
        for (int li = 0; li < lambdas.length; li++) {
          mse[ci][li] += heldOutSse(solve(train, lambdas[li], blockOf, combos.get(ci)), held) / n;
        }
      }
    }
    return mse;
  }

  /** The (row, column) of the smallest value; the first one on ties. */
  private static int[] argmin(double[][] m) {
    int[] best = {0, 0};
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        if (m[i][j] < m[best[0]][best[1]]) {
          best = new int[] {i, j};
        }
      }
    }
    return best;
  }

  /** Every choice of one ratio per block. */
  private static List<double[]> combinations(double[][] blockRatios) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[blockRatios.length]);
    out.get(0)[0] = 1;
    for (int b = 1; b < blockRatios.length; b++) {
      List<double[]> next = new ArrayList<>();
      for (double[] c : out) {
        for (double r : blockRatios[b]) {
          double[] e = c.clone();
          e[b] = r;
          next.add(e);
        }
      }
      out = next;
    }
    return out;
  }

  static RidgeModel solve(Moments m, double lambda) {
    return solve(m, lambda, new int[m.d], new double[] {1});
  }

  /**
   * Solves with penalty {@code lambda · ratios[blockOf[j]]} on column {@code j}; an infinite ratio leaves the block's
   * columns out (coefficient 0). Only the columns in play enter the factorization.
   */
  static RidgeModel solve(Moments m, double lambda, int[] blockOf, double[] ratios) {
    int d = m.d;
    long n = m.n;
    if (n == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    double[] mean = new double[d];
    double[] scale = new double[d];
    int[] active = new int[d];
    int k = 0;
    for (int a = 0; a < d; a++) {
      mean[a] = m.shift[a] + m.sx[a] / n;
      double var = (m.sxx[a * d + a] - m.sx[a] * m.sx[a] / n) / n;
      double ref = Math.max(1.0, Math.abs(mean[a]));
      // Constant up to rounding: a variance lost in the cancellation of the shifted sums (a one-hot level whose
      // rows all sit in the held-out fold leaves ~1e-21 here, not 0) must not become a scale of 1e-10.
      boolean constant = var <= 1e-24 * ref * ref || var <= 1e-9 * (m.sxx[a * d + a] / n);
      scale[a] = constant ? 1.0 : Math.sqrt(var);
      boolean dropped = Double.isInfinite(ratios[blockOf[a]]);
      if (!constant && !dropped) {
        active[k++] = a;
      }
    }
    double[] g = new double[k * k];
    double[] b = new double[k];
    double[] penalty = new double[k];
    for (int i = 0; i < k; i++) {
      int a = active[i];
      penalty[i] = lambda * ratios[blockOf[a]];
      b[i] = (m.sxy[a] - m.sx[a] * m.sy / n) / scale[a];
      for (int j = i; j < k; j++) {
        int c = active[j];
        double v = (m.sxx[a * d + c] - m.sx[a] * m.sx[c] / n) / (scale[a] * scale[c]);
        g[i * k + j] = v;
        g[j * k + i] = v;
      }
    }
    double used = lambda;
    double[] l = factorWithPenalty(g, k, penalty);
    if (l == null) {
      double meanDiag = n; // standardized features have diagonal n
      used = Math.max(lambda, 1e-10 * meanDiag);
      while (true) {
        // Raise the penalties together until the system is solvable, keeping the block's ratio.
        for (int i = 0; i < k; i++) {
          penalty[i] = Math.max(penalty[i], used * ratios[blockOf[active[i]]]);
        }
        l = factorWithPenalty(g, k, penalty);
        if (l != null) {
          break;
        }
        if (used > 1e6 * meanDiag) {
          throw new IllegalStateException("ridge system stayed singular up to lambda " + used);
        }
        used *= 10;
      }
      LOG.info("ridge system singular at lambda={} ({} rows, {} features); solved with lambda={}", lambda, n, k,
          used);
    }
    double[] wActive = k == 0 ? new double[0] : Cholesky.solve(l, k, b);
    double[] w = new double[d];
    for (int i = 0; i < k; i++) {
      w[active[i]] = wActive[i];
    }
    double intercept = m.yShift + m.sy / n;
    return new RidgeModel(mean, scale, w, intercept, lambda, used, n);
  }

  private static double[] factorWithPenalty(double[] g, int k, double[] penalty) {
    double[] a = g.clone();
    for (int j = 0; j < k; j++) {
      a[j * k + j] += penalty[j];
    }
    return Cholesky.factor(a, k);
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
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      fold[i] = foldOf(i, folds, seed);
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
