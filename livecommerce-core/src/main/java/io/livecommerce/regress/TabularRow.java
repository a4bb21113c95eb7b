package io.livecommerce.regress;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One row of a regression table: an id, free text, numeric and categorical columns, and the target.
 *
 * <p>A numeric column absent from {@code numeric} is missing and is imputed (see {@link TabularRegressor}); a value
 * that is present must be finite. A categorical column absent from {@code categorical} is the level "(missing)".
 * The target may be NaN for rows that are only predicted; training rejects it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the row's id, not blank
 * @param text free text (title, description); may be empty, never null
 * @param numeric numeric columns by name, finite values
 * @param categorical categorical columns by name
 * @param target the value to learn, or NaN when unknown
 */
public record TabularRow(
    String id, String text, Map<String, Double> numeric, Map<String, String> categorical, double target) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a numeric value is not finite or the target is infinite; the message names
   *     the row and column
   */
  public TabularRow {
    Checks.notBlank(id, "id");
    text = Checks.orEmpty(text);
    Checks.notNull(numeric, "numeric");
    for (Map.Entry<String, Double> e : numeric.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("row " + Checks.quote(id) + " column " + Checks.quote(e.getKey())
            + " must be a finite number but was " + e.getValue());
      }
    }
    numeric = Map.copyOf(numeric);
    categorical = Checks.copyMap(Checks.notNull(categorical, "categorical"), "categorical");
    if (Double.isInfinite(target)) {
      throw new IllegalArgumentException("row " + Checks.quote(id) + " target must be finite or NaN but was "
          + target);
    }
  }

  /**
   * Each row's text vector, the non-blank texts embedded in one {@link TextEmbedder#embedAll} call; null for a blank
   * text, which the regression treats as missing.
   *
   * @throws IllegalArgumentException if {@code rows} or {@code embedder} is null, or a row is null (naming it)
   */
  public static List<float[]> textVectors(List<TabularRow> rows, TextEmbedder embedder) {
    Checks.notNull(rows, "rows");
    Checks.notNull(embedder, "embedder");
    List<String> texts = new ArrayList<>(rows.size());
    List<Integer> at = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      TabularRow r = Checks.notNull(rows.get(i), "rows[" + i + "]");
      if (!r.text().isBlank()) {
        texts.add(r.text());
        at.add(i);
      }
    }
    List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
    List<float[]> out = new ArrayList<>(Collections.nCopies(rows.size(), (float[]) null));
    for (int j = 0; j < at.size(); j++) {
      out.set(at.get(j), vectors.get(j));
    }
    return out;
  }
}
