package io.livecommerce.regress;

import io.livecommerce.internal.Checks;
import java.util.Map;

/**
 * What {@link TabularRegressor} learns of a training table before it makes features: per numeric column its
 * {@link NumericSummary}, per categorical column how often each level occurs, and how many texts are missing. The
 * regressor computes it from rows in memory; an engine that holds the table on many machines aggregates it there
 * and passes it to {@link TabularRegressor#plan}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows the training rows, {@code >= 1}
 * @param numeric per numeric column with at least one value, its summary; a column absent here has no value in any
 *     row
 * @param levelCounts per categorical column, the rows per level, a row without the column counted under {@link
 *     TabularModel#MISSING}; counts {@code >= 1}
 * @param textsMissing rows whose text is blank, in {@code [0, rows]} (0 when the text is not used)
 * @param textDimension the length of the text vectors, 0 when the text is not used or every text is missing
 */
public record TableSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Map<String, Long>> levelCounts,
    long textsMissing, int textDimension) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a count is out of range or a map holds a null
   */
  public TableSummary {
    Checks.positive(rows, "rows");
    numeric = Map.copyOf(Checks.notNull(numeric, "numeric"));
    numeric.forEach((c, s) -> {
      if (s.present() > rows) {
        throw new IllegalArgumentException("numeric column " + Checks.quote(c) + " has " + s.present()
            + " values but the table has " + rows + " rows");
      }
    });
    Checks.notNull(levelCounts, "levelCounts");
    java.util.Map<String, Map<String, Long>> copy = new java.util.HashMap<>();
    levelCounts.forEach((c, counts) -> {
      Map<String, Long> levels = Map.copyOf(Checks.notNull(counts, "levelCounts of " + Checks.quote(c)));
      long total = 0;
      for (Map.Entry<String, Long> e : levels.entrySet()) {
        total += Checks.positive(e.getValue(), "count of " + Checks.quote(c) + "=" + Checks.quote(e.getKey()));
      }
      if (total != rows) {
        throw new IllegalArgumentException("the levels of categorical column " + Checks.quote(c) + " count "
            + total + " rows but the table has " + rows);
      }
      copy.put(c, levels);
    });
    levelCounts = Map.copyOf(copy);
    if (textsMissing < 0 || textsMissing > rows) {
      throw new IllegalArgumentException("textsMissing must be in [0, " + rows + "] but was " + textsMissing);
    }
    Checks.nonNegative(textDimension, "textDimension");
  }
}
