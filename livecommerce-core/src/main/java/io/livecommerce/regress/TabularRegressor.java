package io.livecommerce.regress;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.CrossValidatedRidge;
import io.livecommerce.math.RidgeRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ridge regression on a table with a text column, numeric and categorical columns: the machinery behind product
 * selection and promotion ranking, usable on any table.
 *
 * <p>Features, in order: each numeric column; {@code log(1 + x)} of the columns named in {@link
 * Builder#logColumns}; a 0/1 missing indicator for each numeric column that had missing values in training (the
 * value itself is then imputed with the training median); one-hot columns for each categorical level seen at least
 * {@code minCategoryCount} times in training (other and unseen levels set none of them, so they do not crash); and
 * the text embedding, optionally reduced by a seeded Gaussian random projection. Standardization is fitted inside the
 * ridge regression on training rows only. The penalty is chosen by k-fold cross-validation; an 80% prediction
 * interval comes from the 10th and 90th percentiles of out-of-fold residuals. With {@code logTarget} the model learns
 * {@code log(1 + y)} and predicts back on the original scale.
 *
 * <p>Immutable and thread-safe.
 */
public final class TabularRegressor {

  private final TextEmbedder embedder;
  private final boolean useText;
  private final List<String> numericColumns;
  private final Set<String> logColumns;
  private final List<String> categoricalColumns;
  private final int minCategoryCount;
  private final int textProjection;
  private final double[] lambdas;
  private final int folds;
  private final long seed;
  private final boolean logTarget;

  private TabularRegressor(Builder b) {
    this.embedder = b.embedder;
    this.useText = b.useText;
    this.numericColumns = List.copyOf(b.numericColumns);
    this.logColumns = Set.copyOf(b.logColumns);
    this.categoricalColumns = List.copyOf(b.categoricalColumns);
    this.minCategoryCount = b.minCategoryCount;
    this.textProjection = b.textProjection;
    this.lambdas = b.lambdas.clone();
    this.folds = b.folds;
    this.seed = b.seed;
    this.logTarget = b.logTarget;
  }

  /** A builder: no columns, text used when an embedder is set, 5 folds, seed 42, raw target. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Whether the text column is a feature. */
  public boolean usesText() {
    return useText;
  }

  /** The embedder, or null. */
  public TextEmbedder embedder() {
    return embedder;
  }

  /**
   * Fits on rows, embedding their text when text is used.
   *
   * @throws IllegalArgumentException if a row's target is missing or invalid (naming the row), or fewer than 3 rows
   */
  public TabularModel fit(List<TabularRow> rows) {
    Checks.notNull(rows, "rows");
    return fit(rows, useText ? embedTexts(rows) : null);
  }

  /**
   * Fits with text vectors computed beforehand (aligned with {@code rows}; ignored when text is not used), so
   * callers that already embedded a catalogue do not embed it again.
   */
  public TabularModel fit(List<TabularRow> rows, List<float[]> textVectors) {
    List<TabularRow> list = Checks.copyNoNulls(Checks.notNull(rows, "rows"), "rows");
    if (list.size() < 3) {
      throw new IllegalArgumentException("need at least 3 rows to fit and cross-validate but got " + list.size());
    }
    int n = list.size();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double t = list.get(i).target();
      if (Double.isNaN(t)) {
        throw new IllegalArgumentException("rows[" + i + "] (id " + Checks.quote(list.get(i).id())
            + ") has no target (NaN); every training row needs one");
      }
      if (logTarget && t < 0) {
        throw new IllegalArgumentException("rows[" + i + "] (id " + Checks.quote(list.get(i).id())
            + ") target " + t + " is negative; a log target needs values >= 0");
      }
      y[i] = logTarget ? Math.log1p(t) : t;
    }
    int textDim = 0;
    if (useText) {
      Checks.notNull(textVectors, "textVectors");
      Checks.sameLength(textVectors.size(), n, "textVectors", "rows");
      for (int i = 0; i < n; i++) {
        float[] v = textVectors.get(i);
        if (v == null) {
          throw new IllegalArgumentException("textVectors[" + i + "] must not be null");
        }
        if (textDim == 0) {
          textDim = v.length;
        } else if (v.length != textDim) {
          throw new IllegalArgumentException(
              "textVectors[" + i + "] has length " + v.length + " but textVectors[0] has " + textDim);
        }
      }
    }
    double[] medians = new double[numericColumns.size()];
    boolean[] hasMissing = new boolean[numericColumns.size()];
    for (int c = 0; c < numericColumns.size(); c++) {
      String col = numericColumns.get(c);
      double[] present = list.stream().map(r -> r.numeric().get(col)).filter(v -> v != null)
          .mapToDouble(Double::doubleValue).sorted().toArray();
      if (present.length == 0) {
        throw new IllegalArgumentException("numeric column " + Checks.quote(col) + " has no value in any row");
      }
      medians[c] = present.length % 2 == 1 ? present[present.length / 2]
          : (present[present.length / 2 - 1] + present[present.length / 2]) / 2;
      hasMissing[c] = present.length < n;
    }
    List<List<String>> vocab = new ArrayList<>();
    for (String col : categoricalColumns) {
      Map<String, Integer> counts = new TreeMap<>();
      for (TabularRow r : list) {
        counts.merge(r.categorical().getOrDefault(col, TabularModel.MISSING), 1, Integer::sum);
      }
      List<String> levels = new ArrayList<>();
      counts.forEach((level, count) -> {
        if (count >= minCategoryCount) {
          levels.add(level);
        }
      });
      vocab.add(List.copyOf(levels));
    }
    TabularModel.Pipeline pipeline = new TabularModel.Pipeline(numericColumns, logColumns, medians, hasMissing,
        categoricalColumns, vocab, useText, textDim, textProjection, seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = pipeline.features(list.get(i), useText ? textVectors.get(i) : null);
    }
    int k = Math.min(folds, n);
    CrossValidatedRidge cv = RidgeRegression.crossValidate(x, y, lambdas, k, seed);
    double[] oof = cv.outOfFoldPredictions();
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - oof[i];
    }
    Arrays.sort(residuals);
    double q10 = quantile(residuals, 0.1);
    double q90 = quantile(residuals, 0.9);
    return new TabularModel(pipeline, cv.model(), q10, q90, logTarget, embedder);
  }

  private List<float[]> embedTexts(List<TabularRow> rows) {
    if (embedder == null) {
      throw new IllegalStateException("text is used but no embedder is set");
    }
    List<String> texts = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      TabularRow r = Checks.notNull(rows.get(i), "rows[" + i + "]");
      if (r.text().isBlank()) {
        throw new IllegalArgumentException("rows[" + i + "] (id " + Checks.quote(r.id()) + ") has no text");
      }
      texts.add(r.text());
    }
    return embedder.embedAll(texts);
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A builder preset with the same settings; used for baselines (e.g. the same table without text). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.embedder = embedder;
    b.useText = useText;
    b.useTextSet = true;
    b.numericColumns = new ArrayList<>(numericColumns);
    b.logColumns = new LinkedHashSet<>(logColumns);
    b.categoricalColumns = new ArrayList<>(categoricalColumns);
    b.minCategoryCount = minCategoryCount;
    b.textProjection = textProjection;
    b.lambdas = lambdas.clone();
    b.folds = folds;
    b.seed = seed;
    b.logTarget = logTarget;
    return b;
  }

  /** Builds a {@link TabularRegressor}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private boolean useText;
    private boolean useTextSet;
    private List<String> numericColumns = new ArrayList<>();
    private Set<String> logColumns = new LinkedHashSet<>();
    private List<String> categoricalColumns = new ArrayList<>();
    private int minCategoryCount = 1;
    private int textProjection;
    private double[] lambdas = RidgeRegression.DEFAULT_LAMBDAS;
    private int folds = 5;
    private long seed = 42;
    private boolean logTarget;

    private Builder() {}

    /** The embedder for the text column; text is used when one is set unless {@link #useText} says otherwise. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = embedder;
      if (!useTextSet) {
        this.useText = embedder != null;
      }
      return this;
    }

    /** Whether the text column is a feature (needs an embedder or precomputed vectors). */
    public Builder useText(boolean useText) {
      this.useText = useText;
      this.useTextSet = true;
      return this;
    }

    /** Numeric columns, in order; names unique. */
    public Builder numericColumns(List<String> columns) {
      this.numericColumns = new ArrayList<>(Checks.copyNoBlanks(Checks.notNull(columns, "numericColumns"),
          "numericColumns"));
      checkUnique(this.numericColumns, "numericColumns");
      return this;
    }

    /** Numeric columns that also enter as log(1 + x), e.g. prices; each must be a numeric column, values >= 0. */
    public Builder logColumns(Set<String> columns) {
      this.logColumns = new LinkedHashSet<>(Checks.copySetNoBlanks(Checks.notNull(columns, "logColumns"),
          "logColumns"));
      return this;
    }

    /** Categorical columns, in order; names unique. */
    public Builder categoricalColumns(List<String> columns) {
      this.categoricalColumns = new ArrayList<>(Checks.copyNoBlanks(Checks.notNull(columns, "categoricalColumns"),
          "categoricalColumns"));
      checkUnique(this.categoricalColumns, "categoricalColumns");
      return this;
    }

    /** Levels seen fewer times in training get no one-hot column; default 1. */
    public Builder minCategoryCount(int n) {
      this.minCategoryCount = Checks.positive(n, "minCategoryCount");
      return this;
    }

    /** Reduce the text embedding to this many dimensions by a seeded random projection; 0 (default) keeps it. */
    public Builder textProjection(int dims) {
      this.textProjection = Checks.nonNegative(dims, "textProjection");
      return this;
    }

    /** Penalties cross-validation chooses from; default {@link RidgeRegression#DEFAULT_LAMBDAS}. */
    public Builder lambdas(double[] lambdas) {
      Checks.notNull(lambdas, "lambdas");
      if (lambdas.length == 0) {
        throw new IllegalArgumentException("lambdas must not be empty");
      }
      for (int i = 0; i < lambdas.length; i++) {
        Checks.nonNegative(lambdas[i], "lambdas[" + i + "]");
      }
      this.lambdas = lambdas.clone();
      return this;
    }

    /** Cross-validation folds, at least 2; default 5 (fewer when there are fewer rows). */
    public Builder folds(int folds) {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
      }
      this.folds = folds;
      return this;
    }

    /** Seeds fold assignment and the projection; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Learn log(1 + y) and predict back (for sales and GMV, which are skewed); default false. */
    public Builder logTarget(boolean logTarget) {
      this.logTarget = logTarget;
      return this;
    }

    /**
     * Builds the regressor.
     *
     * @throws IllegalArgumentException if a log column is not a numeric column, or a column is both numeric and
     *     categorical
     */
    public TabularRegressor build() {
      for (String c : logColumns) {
        if (!numericColumns.contains(c)) {
          throw new IllegalArgumentException("log column " + Checks.quote(c) + " is not a numeric column");
        }
      }
      for (String c : categoricalColumns) {
        if (numericColumns.contains(c)) {
          throw new IllegalArgumentException("column " + Checks.quote(c) + " is both numeric and categorical");
        }
      }
      return new TabularRegressor(this);
    }

    private static void checkUnique(List<String> names, String what) {
      Set<String> seen = new java.util.HashSet<>();
      for (String n : names) {
        if (!seen.add(n)) {
          throw new IllegalArgumentException(what + " names " + Checks.quote(n) + " twice");
        }
      }
    }
  }
}
