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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ridge regression on a table with a text column, numeric and categorical columns: the machinery behind product
 * selection and promotion ranking, usable on any table.
 *
 * <p>Features, in order: each numeric column; {@code log(1 + x)} of the columns named in {@link
 * Builder#logColumns}; a 0/1 missing indicator for each numeric column that had missing values in training (the
 * value itself is then imputed with the training median); one-hot columns for each categorical level seen at least
 * {@code minCategoryCount} times in training (other and unseen levels set none of them, so they do not crash); and
 * the text embedding, optionally reduced by a seeded Gaussian random projection. A row with blank text has a missing
 * text: its text block is zero and a "text missing" indicator is set, like a missing number. Standardization is
 * fitted inside the ridge regression on training rows only.
 *
 * <p>Penalty blocks: the text block has its own penalty, a multiple of the structured penalty {@code λ} chosen by
 * cross-validation from {@link #TEXT_PENALTY_RATIOS}, including leaving the text out. Hundreds of embedding
 * dimensions under one shared penalty let the text add noise; with its own penalty a text column that does not help
 * is switched off, so adding one does not make the cross-validated error worse. With {@link Builder#richFeatures}
 * (the default) two more blocks are offered the same way, from {@link #STRUCTURED_PENALTY_RATIOS}: derived numeric
 * features ({@code log(1 + x)} of skewed non-negative columns, hinges at the quartiles for a linear spline) and
 * numeric x categorical interactions; cross-validation keeps each only where it lowers the error. The structured
 * blocks are chosen first with the text left out, then the text's ratio with them fixed. An 80% prediction
 * interval comes from the 10th and 90th percentiles of out-of-fold residuals. With {@code logTarget} the model learns
 * {@code log(1 + y)} and predicts back on the original scale.
 *
 * <p>Immutable and thread-safe.
 */
public final class TabularRegressor {

  private static final Logger LOG = LoggerFactory.getLogger(TabularRegressor.class);

  /** The derived and interaction blocks' penalty ratios; infinity leaves the block out. */
  public static final double[] STRUCTURED_PENALTY_RATIOS = {1, 10, Double.POSITIVE_INFINITY};

  /** Interaction features are offered only up to this many (numeric columns x categorical levels). */
  static final int MAX_INTERACTIONS = 300;

  /** The text block's penalty ratios cross-validation chooses from; infinity leaves the text out. */
  public static final double[] TEXT_PENALTY_RATIOS = {0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7,
      Double.POSITIVE_INFINITY};

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
  private final boolean richFeatures;

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
    this.richFeatures = b.richFeatures;
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
   * Fits with text vectors computed beforehand (aligned with {@code rows}; a null entry is a missing text; ignored
   * when text is not used), so callers that already embedded a catalogue do not embed it again.
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
    boolean textMissing = false;
    if (useText) {
      Checks.notNull(textVectors, "textVectors");
      Checks.sameLength(textVectors.size(), n, "textVectors", "rows");
      for (int i = 0; i < n; i++) {
        float[] v = textVectors.get(i);
        if (v == null) {
          textMissing = true;
          continue;
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
    boolean text = useText && textDim > 0; // every text missing: nothing to learn from
    TabularModel.Extras extras = richFeatures ? extras(list, vocab) : TabularModel.Extras.none(numericColumns.size());
    TabularModel.Pipeline pipeline = new TabularModel.Pipeline(numericColumns, logColumns, medians, hasMissing,
        categoricalColumns, vocab, text, textDim, textProjection, seed, textMissing, extras);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = pipeline.features(list.get(i), text ? textVectors.get(i) : null);
    }
    int k = Math.min(folds, n);
    boolean[] present = new boolean[4];
    for (int b : pipeline.blockOf) {
      present[b] = true;
    }
    double[][] ratios = {
        {1},
        present[TabularModel.BLOCK_DERIVED] ? STRUCTURED_PENALTY_RATIOS : new double[] {1},
        present[TabularModel.BLOCK_INTERACTIONS] ? STRUCTURED_PENALTY_RATIOS : new double[] {1},
        present[TabularModel.BLOCK_TEXT] ? TEXT_PENALTY_RATIOS : new double[] {1}};
    CrossValidatedRidge cv = RidgeRegression.crossValidate(x, y, lambdas, pipeline.blockOf, ratios, k, seed);
    double[] oof = cv.outOfFoldPredictions();
    double[] residuals = new double[n];
    double mean = Arrays.stream(y).average().orElse(0);
    double sse = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - oof[i];
      sse += residuals[i] * residuals[i];
      sst += (y[i] - mean) * (y[i] - mean);
    }
    Arrays.sort(residuals);
    double q10 = quantile(residuals, 0.1);
    double q90 = quantile(residuals, 0.9);
    double[] chosen = new double[4];
    for (int b = 0; b < 4; b++) {
      chosen[b] = present[b] ? cv.blockRatio(b) : Double.POSITIVE_INFINITY;
    }
    chosen[0] = 1;
    TabularModel model = new TabularModel(pipeline, cv.model(), q10, q90, logTarget, chosen,
        sst > 0 ? 1 - sse / sst : Double.NaN, embedder);
    LOG.info("tabular ridge on {} rows: {}", n, model.describe());
    return model;
  }

  /** The candidates for derived features; cross-validation decides whether they stay. */
  private TabularModel.Extras extras(List<TabularRow> rows, List<List<String>> vocab) {
    Set<String> autoLog = new LinkedHashSet<>();
    double[][] knots = new double[numericColumns.size()][];
    for (int c = 0; c < numericColumns.size(); c++) {
      String col = numericColumns.get(c);
      double[] v = rows.stream().map(r -> r.numeric().get(col)).filter(x -> x != null).mapToDouble(Double::doubleValue)
          .sorted().toArray();
      knots[c] = new double[0];
      if (v.length < 20) {
        continue;
      }
      if (v[0] >= 0 && !logColumns.contains(col) && skewness(v) > 1) {
        autoLog.add(col);
      }
      double[] q = {quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)};
      knots[c] = Arrays.stream(q).filter(t -> t > v[0] && t < v[v.length - 1]).distinct().toArray();
    }
    int levels = vocab.stream().mapToInt(List::size).sum();
    boolean interactions = !numericColumns.isEmpty() && levels > 0
        && numericColumns.size() * levels <= MAX_INTERACTIONS;
    return new TabularModel.Extras(autoLog, knots, interactions);
  }

  private static double skewness(double[] v) {
    double mean = Arrays.stream(v).average().orElse(0);
    double m2 = 0;
    double m3 = 0;
    for (double x : v) {
      double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= v.length;
    m3 /= v.length;
    return m2 <= 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }

  private List<float[]> embedTexts(List<TabularRow> rows) {
    if (embedder == null) {
      throw new IllegalStateException("text is used but no embedder is set");
    }
    List<String> texts = new ArrayList<>(rows.size());
    List<Integer> at = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      TabularRow r = Checks.notNull(rows.get(i), "rows[" + i + "]");
      if (!r.text().isBlank()) { // blank text is missing: no vector, an indicator instead
        texts.add(r.text());
        at.add(i);
      }
    }
    List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
    List<float[]> out = new ArrayList<>(java.util.Collections.nCopies(rows.size(), (float[]) null));
    for (int j = 0; j < at.size(); j++) {
      out.set(at.get(j), vectors.get(j));
    }
    return out;
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
    b.richFeatures = richFeatures;
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
    private boolean richFeatures = true;

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

    /**
     * Whether to offer cross-validation derived features (log(1 + x) of skewed non-negative columns, spline knots at
     * quartiles, numeric x categorical interactions) as penalty blocks it keeps only when they lower the
     * cross-validated error; default true.
     */
    public Builder richFeatures(boolean rich) {
      this.richFeatures = rich;
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
