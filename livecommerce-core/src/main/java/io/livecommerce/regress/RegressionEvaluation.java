package io.livecommerce.regress;

import io.livecommerce.eval.RegressionMetrics;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holdout evaluation of a {@link TabularRegressor} beside its baselines: the training mean, the same model without
 * text (structured-only), and text alone (text-only, when the regressor uses text). Stateless and thread-safe.
 */
public final class RegressionEvaluation {

  private RegressionEvaluation() {}

  /**
   * Fits each model on {@code train} and scores it on {@code test}.
   *
   * @param trainVectors text vectors of the training rows (or null when the regressor does not use text)
   * @param testVectors text vectors of the test rows (or null)
   * @param k the cut-off for top-k precision, {@code > 0}
   * @return reports in the order full, structured-only, text-only (if text is used), mean
   */
  public static List<RegressionReport> compare(TabularRegressor regressor, List<TabularRow> train,
      List<float[]> trainVectors, List<TabularRow> test, List<float[]> testVectors, int k) {
    Checks.notNull(regressor, "regressor");
    Checks.notNull(train, "train");
    Checks.notNull(test, "test");
    Checks.positive(k, "k");
    double[] actual = test.stream().mapToDouble(TabularRow::target).toArray();
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isFinite(actual[i])) {
        throw new IllegalArgumentException("test[" + i + "] (id " + Checks.quote(test.get(i).id())
            + ") has no target");
      }
    }
    List<RegressionReport> out = new ArrayList<>();
    out.add(report("full", regressor.fit(train, trainVectors), test, testVectors, actual, k));
    if (regressor.usesText()) {
      TabularRegressor structured = regressor.toBuilder().useText(false).build();
      out.add(report("structured-only", structured.fit(train, null), test, null, actual, k));
      TabularRegressor textOnly = regressor.toBuilder().numericColumns(List.of()).logColumns(Set.of())
          .categoricalColumns(List.of()).build();
      out.add(report("text-only", textOnly.fit(train, trainVectors), test, testVectors, actual, k));
    }
    double mean = train.stream().mapToDouble(TabularRow::target).average().orElseThrow();
    double[] constant = new double[actual.length];
    Arrays.fill(constant, mean);
    out.add(metrics("mean", actual, constant, k));
    return List.copyOf(out);
  }

  private static RegressionReport report(String name, TabularModel model, List<TabularRow> test,
      List<float[]> vectors, double[] actual, int k) {
    double[] predicted = new double[test.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = model.predict(test.get(i), vectors == null ? null : vectors.get(i)).value();
    }
    return metrics(name, actual, predicted, k);
  }

  /** R², MAE, Spearman and top-k precision of {@code predicted} against {@code actual}. */
  public static RegressionReport metrics(String name, double[] actual, double[] predicted, int k) {
    double spearman = isConstant(predicted) || isConstant(actual) ? 0
        : RegressionMetrics.spearman(actual, predicted);
    return new RegressionReport(name, actual.length, RegressionMetrics.r2(actual, predicted),
        RegressionMetrics.mae(actual, predicted), spearman, topKPrecision(actual, predicted, k));
  }

  /** The share of the k largest actual values whose rows are also among the k largest predictions. */
  static double topKPrecision(double[] actual, double[] predicted, int k) {
    int kk = Math.min(k, actual.length);
    Set<Integer> a = top(actual, kk);
    Set<Integer> p = top(predicted, kk);
    a.retainAll(p);
    return (double) a.size() / kk;
  }

  private static Set<Integer> top(double[] v, int k) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (x, y) -> v[y] != v[x] ? Double.compare(v[y], v[x]) : Integer.compare(x, y));
    return new HashSet<>(Arrays.asList(idx).subList(0, k));
  }

  private static boolean isConstant(double[] v) {
    for (double x : v) {
      if (x != v[0]) {
        return false;
      }
    }
    return true;
  }
}
