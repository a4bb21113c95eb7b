package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Sufficient statistics of a regression data set: row count, sums and cross-products of features and target.
 * Moments of disjoint row sets add up, so k-fold cross-validation needs one pass over the data, not k.
 *
 * <p>Values are accumulated after subtracting a fixed {@code shift} per column (any reference point, e.g. a global
 * mean) so that large-magnitude features do not lose precision to cancellation; the statistics derived from them
 * are the same whatever the shift.
 *
 * <p>Not thread-safe while being built; safe to share once built and no longer mutated. Serializable, for
 * {@link RidgeStatistics}. Package-private.
 */
final class Moments implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final int d;
  final double[] shift;
  final double yShift;
  long n;
  final double[] sx;
  final double[] sxx; // upper triangle used, row-major d x d
  final double[] sxy;
  double sy;
  double syy;

  Moments(int d, double[] shift, double yShift) {
    this.d = d;
    this.shift = shift;
    this.yShift = yShift;
    this.sx = new double[d];
    this.sxx = new double[d * d];
    this.sxy = new double[d];
  }

  void add(double[] x, double y) {
    double[] z = new double[d];
    addShifted(x, y, z);
  }

  /** Adds a row, using {@code scratch} (length d) for the shifted values. */
  void addShifted(double[] x, double y, double[] scratch) {
    for (int j = 0; j < d; j++) {
      scratch[j] = x[j] - shift[j];
    }
    double yc = y - yShift;
    n++;
    sy += yc;
    syy += yc * yc;
    for (int a = 0; a < d; a++) {
      double za = scratch[a];
      sx[a] += za;
      sxy[a] += za * yc;
      if (za == 0) {
        continue; // one-hot and missing-indicator columns are mostly zero
      }
      int row = a * d;
      for (int b = a; b < d; b++) {
        sxx[row + b] += za * scratch[b];
      }
    }
  }

  void addAll(Moments o) {
    n += o.n;
    sy += o.sy;
    syy += o.syy;
    for (int a = 0; a < d; a++) {
      sx[a] += o.sx[a];
      sxy[a] += o.sxy[a];
    }
    for (int i = 0; i < sxx.length; i++) {
      sxx[i] += o.sxx[i];
    }
  }

  Moments copy() {
    Moments m = new Moments(d, shift, yShift);
    m.addAll(this);
    return m;
  }

  /** Moments of the given rows, computed on up to all cores for large inputs. */
  static Moments of(double[][] x, double[] y, int[] rows, double[] shift, double yShift) {
    int d = shift.length;
    long work = (long) rows.length * d * d;
    if (work < (1L << 22) || rows.length < 64) {
      return accumulate(x, y, rows, 0, rows.length, shift, yShift);
    }
    int grain = Math.max(64, rows.length / Math.max(2, ForkJoinPool.getCommonPoolParallelism() + 1));
    return ForkJoinPool.commonPool().invoke(new Task(x, y, rows, 0, rows.length, shift, yShift, grain));
  }

  private static Moments accumulate(
      double[][] x, double[] y, int[] rows, int from, int to, double[] shift, double yShift) {
    Moments m = new Moments(shift.length, shift, yShift);
    double[] scratch = new double[shift.length];
    for (int i = from; i < to; i++) {
      int r = rows[i];
      m.addShifted(x[r], y[r], scratch);
    }
    return m;
  }

  private static final class Task extends RecursiveTask<Moments> {
    private final double[][] x;
    private final double[] y;
    private final int[] rows;
    private final int from;
    private final int to;
    private final double[] shift;
    private final double yShift;
    private final int grain;

    Task(double[][] x, double[] y, int[] rows, int from, int to, double[] shift, double yShift, int grain) {
      this.x = x;
      this.y = y;
      this.rows = rows;
      this.from = from;
      this.to = to;
      this.shift = shift;
      this.yShift = yShift;
      this.grain = grain;
    }

    @Override
    protected Moments compute() {
      if (to - from <= grain) {
        return accumulate(x, y, rows, from, to, shift, yShift);
      }
      int mid = (from + to) >>> 1;
      Task right = new Task(x, y, rows, mid, to, shift, yShift, grain);
      right.fork();
      Moments left = new Task(x, y, rows, from, mid, shift, yShift, grain).compute();
      left.addAll(right.join());
      return left;
    }
  }

  /** Validates a design matrix and target: rectangular, finite, same row count. */
  static int validate(double[][] x, double[] y) {
    Checks.notNull(x, "x");
    Checks.notNull(y, "y");
    if (x.length == 0) {
      throw new IllegalArgumentException("x must have at least one row");
    }
    Checks.sameLength(x.length, y.length, "x rows", "y");
    if (x[0] == null) {
      throw new IllegalArgumentException("x[0] must not be null");
    }
    int d = x[0].length;
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      if (row == null) {
        throw new IllegalArgumentException("x[" + i + "] must not be null");
      }
      if (row.length != d) {
        throw new IllegalArgumentException(
            "x[" + i + "] has " + row.length + " columns but x[0] has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              "x[" + i + "][" + j + "] (row " + i + ", column " + j + ") must be finite but was " + row[j]);
        }
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] (row " + i + ") must be finite but was " + y[i]);
      }
    }
    return d;
  }
}
