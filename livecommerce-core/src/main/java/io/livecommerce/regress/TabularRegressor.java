package io.livecommerce.regress;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.CrossValidatedRidge;
import io.livecommerce.math.RidgeRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ridge regression on a table with a text column, numeric and categorical columns: the machinery behind product
 * selection and promotion ranking, usable on any table.
 *
 * <p>Features, in order: each numeric column; {@code log(1 + x)} of the columns named in {@link
 * Builder#logColumns}; a 0/1 missing indicator for each numeric column that had missing values in training (the
 * value itself is then imputed with the training median); one-hot columns for each categorical level seen at least
 * {@code minCategoryCount} times in training, at most the {@code maxLevels} most frequent per column (all other and
 * unseen levels share one "other" encoding, none of the columns set, so they do not crash); and
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
 * <p>Boosted trees ({@link Builder#treeLearner}) are a second learner on the numeric, missing-indicator, one-hot and
 * text features: cross-validation on the same folds picks their number of rounds and their blend with ridge.
 *
 * <p>Immutable and thread-safe.
 */
public final class TabularRegressor {

  /** The derived and interaction blocks' penalty ratios; infinity leaves the block out. */
  public static final double[] STRUCTURED_PENALTY_RATIOS = {1, 10, Double.POSITIVE_INFINITY};

  /** The most one-hot levels per categorical column unless {@link Builder#maxLevels} says otherwise. */
  public static final int DEFAULT_MAX_LEVELS = 200;

  /** Interaction features are offered only up to this many (numeric columns x categorical levels). */
  static final int MAX_INTERACTIONS = 300;

  /** The text block's penalty ratios cross-validation chooses from; infinity leaves the text out. */
  public static final double[] TEXT_PENALTY_RATIOS = {0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7,
      Double.POSITIVE_INFINITY};

  private final TextEmbedder embedder;
  final boolean useText;
  final List<String> numericColumns;
  final Set<String> logColumns;
  final List<String> categoricalColumns;
  final int minCategoryCount;
  final int maxLevels;
  final int textProjection;
  final double[] lambdas;
  final int folds;
  final long seed;
  final boolean logTarget;
  final boolean richFeatures;
  final TreeLearner treeLearner;

  private TabularRegressor(Builder b) {
    this.embedder = b.embedder;
    this.useText = b.useText;
    this.numericColumns = List.copyOf(b.numericColumns);
    this.logColumns = Set.copyOf(b.logColumns);
    this.categoricalColumns = List.copyOf(b.categoricalColumns);
    this.minCategoryCount = b.minCategoryCount;
    this.maxLevels = b.maxLevels;
    this.textProjection = b.textProjection;
    this.lambdas = b.lambdas.clone();
    this.folds = b.folds;
    this.seed = b.seed;
    this.logTarget = b.logTarget;
    this.richFeatures = b.richFeatures;
    this.treeLearner = b.treeLearner;
  }

  /** A builder: no columns, text used when an embedder is set, 5 folds, seed 42, raw target. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Whether the text column is a feature. */
  public boolean usesText() {
    return useText;
  }

  /** The numeric columns, in order. */
  public List<String> numericColumns() {
    return numericColumns;
  }

  /** The categorical columns, in order. */
  public List<String> categoricalColumns() {
    return categoricalColumns;
  }

  /** The boosted-tree learner offered beside ridge, or null. */
  public TreeLearner treeLearner() {
    return treeLearner;
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
    int textDim = 0;
    long textsMissing = 0;
    if (useText) {
      Checks.notNull(textVectors, "textVectors");
      Checks.sameLength(textVectors.size(), n, "textVectors", "rows");
      for (int i = 0; i < n; i++) {
        float[] v = textVectors.get(i);
        if (v == null) {
          textsMissing++;
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
    TabularFitPlan plan = plan(summarize(list, textsMissing, textDim));
    double[] y = new double[n];
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      y[i] = plan.target(list.get(i), i);
    }
    for (int i = 0; i < n; i++) {
      x[i] = plan.features(list.get(i), useText ? textVectors.get(i) : null);
    }
    CrossValidatedRidge cv = plan.crossValidate(x, y);
    double[] oof = cv.outOfFoldPredictions();
    TreeBlend.Choice trees = null;
    if (treeLearner != null) {
      trees = TreeBlend.fit(treeLearner, x, y, plan.treeColumns(), oof, plan.folds(), plan::foldOf, seed);
      oof = trees.outOfFold();
    }
    double[] residuals = new double[n];
    double sse = 0;
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - oof[i];
      sse += residuals[i] * residuals[i];
    }
    Arrays.sort(residuals);
    // With trees, the residuals, interval and R² are the chosen blend's out of fold.
    TabularModel model = plan.model(cv, sse, r -> residuals[(int) r]);
    return trees == null || trees.blend() == null ? model : model.withTrees(trees.blend());
  }

  /**
   * The plan of a fit on a table known by its summary, for engines that keep the rows elsewhere (see {@link
   * TabularFitPlan}); {@link #fit} runs the same plan in memory.
   *
   * @throws IllegalArgumentException if the summary has fewer than 3 rows or lacks a column this regressor uses
   */
  public TabularFitPlan plan(TableSummary summary) {
    return new TabularFitPlan(this, summary);
  }

  private TableSummary summarize(List<TabularRow> list, long textsMissing, int textDim) {
    int n = list.size();
    Map<String, NumericSummary> numeric = new HashMap<>();
    for (String col : numericColumns) {
      double[] present = list.stream().map(r -> r.numeric().get(col)).filter(v -> v != null)
          .mapToDouble(Double::doubleValue).toArray();
      if (present.length > 0) {
        numeric.put(col, NumericSummary.of(present));
      }
    }
    Map<String, Map<String, Long>> levels = new HashMap<>();
    for (String col : categoricalColumns) {
      Map<String, Long> counts = new HashMap<>();
      for (TabularRow r : list) {
        counts.merge(r.categorical().getOrDefault(col, TabularModel.MISSING), 1L, Long::sum);
      }
      levels.put(col, counts);
    }
    return new TableSummary(n, numeric, levels, textsMissing, textDim);
  }

  private List<float[]> embedTexts(List<TabularRow> rows) {
    if (embedder == null) {
      throw new IllegalStateException("text is used but no embedder is set");
    }
    return TabularRow.textVectors(rows, embedder); // blank text is missing: no vector, an indicator instead
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
    b.maxLevels = maxLevels;
    b.textProjection = textProjection;
    b.lambdas = lambdas.clone();
    b.folds = folds;
    b.seed = seed;
    b.logTarget = logTarget;
    b.richFeatures = richFeatures;
    b.treeLearner = treeLearner;
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
    private int maxLevels = DEFAULT_MAX_LEVELS;
    private int textProjection;
    private double[] lambdas = RidgeRegression.DEFAULT_LAMBDAS;
    private int folds = 5;
    private long seed = 42;
    private boolean logTarget;
    private boolean richFeatures = true;
    private TreeLearner treeLearner;

    private Builder() {}

    /**
     * Offers boosted trees as a second learner (see {@link TreeLearner}); null (the default) fits ridge alone.
     * Cross-validation on the same folds chooses the number of rounds and the blend with ridge, from ridge alone
     * to trees alone, so offering trees never makes the out-of-fold error worse; it costs one tree fit per fold.
     */
    public Builder treeLearner(TreeLearner learner) {
      this.treeLearner = learner;
      return this;
    }

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

    /**
     * At most this many levels of each categorical column get a one-hot column, the most frequent in training (ties
     * by name), in [1, 100,000]; default {@link #DEFAULT_MAX_LEVELS}. The rest share the "other" encoding. Bounds the
     * model's size and training time: a 10,000-level column (ids, shop names) would otherwise make a 10,000-wide
     * ridge system.
     */
    public Builder maxLevels(int n) {
      this.maxLevels = Checks.inRange(n, 1, 100_000, "maxLevels");
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
