package io.livecommerce.regress;

import java.util.Locale;

/**
 * Holdout metrics of one regression model.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the model's name, e.g. "full", "mean", "structured-only"
 * @param rows holdout rows
 * @param r2 coefficient of determination on the target's scale
 * @param mae mean absolute error on the target's scale
 * @param spearman rank correlation of predictions with actual values (0 for a constant prediction)
 * @param precisionAtK share of the actual top k that the predicted top k contains
 */
public record RegressionReport(String name, int rows, double r2, double mae, double spearman, double precisionAtK) {

  /** A header line matching {@link #row()}. */
  public static String header() {
    return String.format(Locale.ROOT, "%-16s %8s %12s %9s %8s %6s", "model", "R2", "MAE", "Spearman", "P@k", "rows");
  }

  /** One aligned table row. */
  public String row() {
    return String.format(Locale.ROOT, "%-16s %8.4f %12.2f %9.4f %8.4f %6d", name, r2, mae, spearman, precisionAtK,
        rows);
  }
}
