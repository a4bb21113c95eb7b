package io.livecommerce.examples.report;

import io.livecommerce.eval.RankingReport;
import io.livecommerce.recommend.ImplicitTuner;
import io.livecommerce.regress.RegressionReport;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sections each command puts into its report. Stateless and thread-safe. */
public final class Reports {

  private Reports() {}

  /**
   * Ranking metrics of models against baselines: the table at the main cut-off, NDCG and recall over cut-offs,
   * catalogue coverage.
   *
   * @param byK per cut-off (ascending), one report per model in the same order each time
   */
  public static void ranking(HtmlReport page, List<List<RankingReport>> byK, String what) {
    List<RankingReport> main = byK.get(byK.size() - 1);
    for (List<RankingReport> reports : byK) {
      if (reports.get(0).k() == 10) {
        main = reports;
      }
    }
    page.section("Ranking quality: " + what);
    page.table(List.of("model", "NDCG@" + main.get(0).k(), "Recall", "Precision", "MAP", "hit rate", "MRR",
        "coverage", "users"), main.stream().map(r -> List.of(r.name(), f4(r.ndcg()), f4(r.recall()),
        f4(r.precision()), f4(r.map()), f4(r.hitRate()), f4(r.mrr()), f4(r.coverage()),
        String.valueOf(r.users()))).toList());
    if (byK.size() == 1) {
      Map<String, double[]> s = new LinkedHashMap<>();
      s.put("NDCG@" + main.get(0).k(), main.stream().mapToDouble(RankingReport::ndcg).toArray());
      s.put("Recall@" + main.get(0).k(), main.stream().mapToDouble(RankingReport::recall).toArray());
      page.bars("NDCG and recall at k = " + main.get(0).k(), "score", main.stream().map(RankingReport::name).toList(),
          s, "Mean over the evaluated users; higher is better.");
    } else {
      page.lines("NDCG@k", "k", "NDCG", series(byK, RankingReport::ndcg),
          "Mean NDCG over the evaluated users at each cut-off k; higher is better.");
      page.lines("Recall@k", "k", "recall", series(byK, RankingReport::recall),
          "Share of each user's held-out items found in the top k.");
    }
    List<String> names = main.stream().map(RankingReport::name).toList();
    page.bars("Catalogue coverage at k = " + main.get(0).k(), "share of the catalogue", names,
        Map.of("coverage", main.stream().mapToDouble(RankingReport::coverage).toArray()),
        "Share of the catalogue that appears in at least one user's list: low coverage means everyone gets the "
            + "same few items.");
  }

  private static Map<String, double[][]> series(List<List<RankingReport>> byK,
      java.util.function.ToDoubleFunction<RankingReport> metric) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    int models = byK.get(0).size();
    for (int m = 0; m < models; m++) {
      double[][] points = new double[byK.size()][];
      for (int i = 0; i < byK.size(); i++) {
        RankingReport r = byK.get(i).get(m);
        points[i] = new double[] {r.k(), metric.applyAsDouble(r)};
      }
      out.put(byK.get(0).get(m).name(), points);
    }
    return out;
  }

  /** The tuning trace: each configuration's validation NDCG in the order tried, and the best so far. */
  public static void tuning(HtmlReport page, ImplicitTuner.Result r) {
    page.section("Tuning");
    page.paragraph(String.format(Locale.ROOT, "%d models fitted in %.1f s on a validation split of the training "
        + "data; chosen: %s, validation NDCG@10 %.4f.", r.trials(), r.millis() / 1000.0,
        r.best().settings().format(", "), r.best().validationNdcg()));
    if (!r.untried().isEmpty()) {
      page.paragraph(String.format(Locale.ROOT, "The search stopped after %d %s (time budget or trial limit); "
          + "untried: %s.", r.stoppedAfter(), r.stoppedAfter() == 1 ? "trial" : "trials",
          String.join("; ", r.untried())));
    }
    if (r.history().isEmpty()) {
      return;
    }
    double[][] each = new double[r.history().size()][];
    double[][] best = new double[r.history().size()][];
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < each.length; i++) {
      double v = r.history().get(i).validationNdcg();
      top = Math.max(top, v);
      each[i] = new double[] {i + 1, v};
      best[i] = new double[] {i + 1, top};
    }
    Map<String, double[][]> s = new LinkedHashMap<>();
    s.put("each configuration", each);
    s.put("best so far", best);
    page.lines("Tuning trace", "configuration tried", "validation NDCG@10", s, "EASE's λ is searched first, then "
        + "ALS by successive halving; the blend of the two and the content and popularity weights follow.");
  }

  /** Holdout metrics of regression models against baselines. */
  public static void regressionTable(HtmlReport page, String heading, List<RegressionReport> reports) {
    page.section(heading);
    page.table(List.of("model", "R²", "MAE", "Spearman", "P@k", "rows"), reports.stream().map(r -> List.of(r.name(),
        f4(r.r2()), String.format(Locale.ROOT, "%.2f", r.mae()), f4(r.spearman()), f4(r.precisionAtK()),
        String.valueOf(r.rows()))).toList());
    List<String> names = reports.stream().map(RegressionReport::name).toList();
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("R²", reports.stream().mapToDouble(r -> Math.max(-1, r.r2())).toArray());
    s.put("Spearman", reports.stream().mapToDouble(RegressionReport::spearman).toArray());
    page.bars(heading, "score", names, s, "R² (floored at -1 for the chart) and rank correlation on the holdout; "
        + "the model should beat every baseline.");
  }

  /**
   * A regression model on rows with known targets: predicted against actual, residuals, and how much each source
   * column moves predictions.
   *
   * @param textVectors each row's text vector (null entries: missing text), embedded once by the caller; null when
   *     the model uses no text
   * @param holdout whether the rows were not trained on (else the charts say they are in-sample)
   */
  public static void regression(HtmlReport page, TabularModel m, List<TabularRow> rows, List<float[]> textVectors,
      boolean holdout) {
    page.section("Regression");
    page.paragraph(String.format(Locale.ROOT, "Cross-validation inside the training rows chose penalty %s; derived "
        + "features %s; interactions %s; text %s. Out-of-fold R² %.4f%s.", m.ridge().lambda(),
        m.derivedFeaturesKept().isEmpty() ? "none" : String.join(" ", m.derivedFeaturesKept()),
        m.interactionsKept() ? "kept" : "none", !m.usesText() ? "not used" : m.textKept() ? "kept" : "left out",
        m.crossValidatedR2(), m.logTarget() ? " (on log(1 + target))" : ""));
    List<Integer> known = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!Double.isNaN(rows.get(i).target())) {
        known.add(i);
      }
    }
    if (known.isEmpty()) {
      return;
    }
    double[] actual = new double[known.size()];
    double[] predicted = new double[known.size()];
    double[] residual = new double[known.size()];
    Map<String, Double> contribution = new LinkedHashMap<>();
    m.featureGroups().forEach(g -> contribution.put(g, 0.0));
    for (int i = 0; i < known.size(); i++) {
      TabularRow r = rows.get(known.get(i));
      float[] v = textVectors == null ? null : textVectors.get(known.get(i));
      actual[i] = r.target();
      predicted[i] = m.predict(r, v).value();
      residual[i] = actual[i] - predicted[i];
      m.contributionsByGroup(r, v).forEach((g, c) -> contribution.merge(g, Math.abs(c) / known.size(),
          Double::sum));
    }
    String which = holdout ? known.size() + " rows with known targets that were not trained on"
        : known.size() + " training rows (in-sample: optimistic; give --predict rows with targets for a holdout)";
    page.scatter("Predicted vs actual", "actual", "predicted", actual, predicted, true, "Each point is one of "
        + which + ". Points on the red line are exact.");
    page.histogram("Residuals", "actual - predicted", residual, Math.max(5, Math.min(40, known.size() / 10)),
        "How far predictions miss on the same rows; centred on zero when the model is unbiased.");
    List<String> groups = new ArrayList<>(contribution.keySet());
    page.bars("Contribution of each feature group", "mean |contribution|" + (m.logTarget() ? " (log scale)" : ""),
        groups, Map.of("contribution", groups.stream().mapToDouble(contribution::get).toArray()),
        "Mean absolute amount each source column moves a prediction away from the intercept, on the model's scale.");
  }

  private static String f4(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }
}
