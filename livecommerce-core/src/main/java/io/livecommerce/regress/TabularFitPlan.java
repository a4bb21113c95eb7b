package io.livecommerce.regress;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.CrossValidatedRidge;
import io.livecommerce.math.OrderStatistics;
import io.livecommerce.math.RidgeRegression;
import io.livecommerce.math.RidgeStatistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link TabularRegressor#fit} with the rows kept elsewhere, for an engine that holds the table on many
 * machines ({@code livecommerce-spark}): made by {@link TabularRegressor#plan} from the table's {@link
 * TableSummary}, it turns each row into its target and features, tells its fold, cross-validates from per-fold
 * {@link RidgeStatistics}, and makes the model from the out-of-fold residuals. The in-process fit runs the same
 * steps, so a model made this way equals it up to the order of floating-point sums.
 *
 * <ol>
 *   <li>For each row at position {@code i} (0-based, in the table's order): {@link #target}, {@link #features},
 *       {@link #foldOf}; add the features to the statistics of its fold ({@link RidgeStatistics}, all folds
 *       sharing one shift, best the features' means), merged over the machines.
 *   <li>{@link #crossValidate} on the driver.
 *   <li>For each row, its residual {@code target - cv.foldModel(fold).predict(features)}; their sum of squares and
 *       the values at {@link #residualRanks} of the sorted residuals go to {@link #model}.
 * </ol>
 *
 * <p>Immutable and thread-safe. Serializable, to ship to workers; the embedder stays behind ({@link #model} needs
 * the plan made on the driver).
 */
public final class TabularFitPlan implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TabularFitPlan.class);

  private final FeaturePipeline pipeline;
  private final long rows;
  private final int folds;
  private final long seed;
  private final boolean logTarget;
  private final double[] lambdas;
  private final double[][] ratios;
  private final boolean[] blocksPresent; // per penalty block: whether any feature is in it
  private final transient TextEmbedder embedder;
  // False after deserialization: the copy on a worker lost the embedder, whether or not the driver had one.
  private final transient boolean original;

  TabularFitPlan(TabularRegressor r, TableSummary summary) {
    Checks.notNull(summary, "summary");
    if (summary.rows() < 3) {
      throw new IllegalArgumentException("need at least 3 rows to fit and cross-validate but got "
          + summary.rows());
    }
    this.rows = summary.rows();
    this.folds = (int) Math.min(r.folds, rows);
    this.seed = r.seed;
    this.logTarget = r.logTarget;
    this.lambdas = r.lambdas.clone();
    this.embedder = r.embedder();
    this.original = true;
    int numeric = r.numericColumns.size();
    double[] medians = new double[numeric];
    boolean[] hasMissing = new boolean[numeric];
    for (int c = 0; c < numeric; c++) {
      String col = r.numericColumns.get(c);
      NumericSummary s = summary.numeric().get(col);
      if (s == null) {
        throw new IllegalArgumentException("numeric column " + Checks.quote(col) + " has no value in any row");
      }
      medians[c] = s.median();
      hasMissing[c] = s.present() < rows;
    }
    List<List<String>> vocab = new ArrayList<>();
    for (String col : r.categoricalColumns) {
      Map<String, Long> counts = summary.levelCounts().get(col);
      if (counts == null) {
        throw new IllegalArgumentException("the summary has no level counts of categorical column "
            + Checks.quote(col));
      }
      // The most frequent levels (ties by name), at most maxLevels of them, kept in name order.
      List<Map.Entry<String, Long>> frequent = new ArrayList<>();
      new TreeMap<>(counts).forEach((level, count) -> {
        if (count >= r.minCategoryCount) {
          frequent.add(Map.entry(level, count));
        }
      });
      if (frequent.size() > r.maxLevels) {
        frequent.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        LOG.info("categorical column {}: the {} most frequent of {} levels get a column (maxLevels); the rest share "
            + "the 'other' encoding", col, r.maxLevels, frequent.size());
      }
      vocab.add(frequent.stream().limit(r.maxLevels).map(Map.Entry::getKey).sorted().toList());
    }
    int textDim = r.usesText() ? summary.textDimension() : 0;
    if (r.usesText() && textDim == 0 && summary.textsMissing() < rows) {
      throw new IllegalArgumentException("the summary has " + (rows - summary.textsMissing())
          + " texts but textDimension 0");
    }
    boolean text = textDim > 0; // every text missing: nothing to learn from
    FeaturePipeline.Extras extras = r.richFeatures ? extras(r, summary, vocab) : FeaturePipeline.Extras.none(numeric);
    this.pipeline = new FeaturePipeline(r.numericColumns, r.logColumns, medians, hasMissing,
        r.categoricalColumns, vocab, text, textDim, r.textProjection, seed, summary.textsMissing() > 0, extras);
    boolean[] present = new boolean[4];
    for (int b : pipeline.blockOf) {
      present[b] = true;
    }
    this.blocksPresent = present;
    this.ratios = new double[][] {
        {1},
        present[FeaturePipeline.BLOCK_DERIVED] ? TabularRegressor.STRUCTURED_PENALTY_RATIOS : new double[] {1},
        present[FeaturePipeline.BLOCK_INTERACTIONS] ? TabularRegressor.STRUCTURED_PENALTY_RATIOS : new double[] {1},
        present[FeaturePipeline.BLOCK_TEXT] ? TabularRegressor.TEXT_PENALTY_RATIOS : new double[] {1}};
  }

  /** The candidates for derived features; cross-validation decides whether they stay. */
  private static FeaturePipeline.Extras extras(TabularRegressor r, TableSummary summary, List<List<String>> vocab) {
    Set<String> autoLog = new LinkedHashSet<>();
    double[][] knots = new double[r.numericColumns.size()][];
    for (int c = 0; c < r.numericColumns.size(); c++) {
      String col = r.numericColumns.get(c);
      NumericSummary s = summary.numeric().get(col);
      knots[c] = new double[0];
      if (s.present() < 20) {
        continue;
      }
      if (s.min() >= 0 && !r.logColumns.contains(col) && s.skewness() > 1) {
        autoLog.add(col);
      }
      double[] q = {s.lowerQuartile(), s.median(), s.upperQuartile()};
      knots[c] = java.util.Arrays.stream(q).filter(t -> t > s.min() && t < s.max()).distinct().toArray();
    }
    int levels = vocab.stream().mapToInt(List::size).sum();
    boolean interactions = !r.numericColumns.isEmpty() && levels > 0
        && r.numericColumns.size() * levels <= TabularRegressor.MAX_INTERACTIONS;
    return new FeaturePipeline.Extras(autoLog, knots, interactions);
  }

  /** The training rows the summary counted. */
  public long rows() {
    return rows;
  }

  /** The number of cross-validation folds. */
  public int folds() {
    return folds;
  }

  /** The number of features per row. */
  public int dimension() {
    return pipeline.names.size();
  }

  /** Feature names in order, as {@link TabularModel#featureNames()}. */
  public List<String> featureNames() {
    return pipeline.names;
  }

  /** Whether rows need their text vectors: the text is used and the summary saw at least one. */
  public boolean usesText() {
    return pipeline.useText;
  }

  /**
   * The fold of the row at position {@code index}.
   *
   * @throws IllegalArgumentException if {@code index} is not in {@code [0, rows())}
   */
  public int foldOf(long index) {
    if (index < 0 || index >= rows) {
      throw new IllegalArgumentException("index must be in [0, " + rows + ") but was " + index);
    }
    return RidgeRegression.foldOf(index, folds, seed);
  }

  /**
   * The value the ridge learns for the row at position {@code index}: its target, or {@code log(1 + target)}.
   *
   * @throws IllegalArgumentException if the target is missing (NaN), or negative with a log target; the message
   *     names the row
   */
  public double target(TabularRow row, long index) {
    Checks.notNull(row, "row");
    double t = row.target();
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("rows[" + index + "] (id " + Checks.quote(row.id())
          + ") has no target (NaN); every training row needs one");
    }
    if (logTarget && t < 0) {
      throw new IllegalArgumentException("rows[" + index + "] (id " + Checks.quote(row.id())
          + ") target " + t + " is negative; a log target needs values >= 0");
    }
    return logTarget ? Math.log1p(t) : t;
  }

  /**
   * The row's features.
   *
   * @param textVector the embedding of the row's text, null when it is blank; ignored unless {@link #usesText()}
   * @throws IllegalArgumentException if the vector has the wrong length or a log column is negative
   */
  public double[] features(TabularRow row, float[] textVector) {
    Checks.notNull(row, "row");
    return pipeline.features(row, pipeline.useText ? textVector : null);
  }

  /**
   * Chooses the penalties from per-fold statistics, as the in-process fit does.
   *
   * @param perFold the statistics of fold 0, 1, ..., {@link #folds()} - 1, sharing one shift
   * @throws IllegalArgumentException if the folds or their dimension do not match this plan
   */
  public CrossValidatedRidge crossValidate(List<RidgeStatistics> perFold) {
    Checks.notNull(perFold, "perFold");
    if (perFold.size() != folds) {
      throw new IllegalArgumentException("perFold has " + perFold.size() + " folds but the plan has " + folds);
    }
    long n = 0;
    for (int f = 0; f < perFold.size(); f++) {
      RidgeStatistics s = Checks.notNull(perFold.get(f), "perFold[" + f + "]");
      if (s.dimension() != dimension()) {
        throw new IllegalArgumentException("perFold[" + f + "] has " + s.dimension() + " features but the plan has "
            + dimension());
      }
      n += s.count();
    }
    if (n != rows) {
      throw new IllegalArgumentException("perFold holds " + n + " rows but the summary counted " + rows);
    }
    return RidgeRegression.crossValidate(perFold, lambdas, pipeline.blockOf, ratios);
  }

  /**
   * The features boosted trees read: the structured block only. Trees make their own logs, hinges and crossings, and
   * the text reaches the blend through ridge: trees on hundreds of embedding dimensions cost 30x the time (215 s on
   * 2,390 films) for no gain on the real-table benchmark.
   */
  int[] treeColumns() {
    return java.util.stream.IntStream.range(0, pipeline.blockOf.length)
        .filter(i -> pipeline.blockOf[i] == FeaturePipeline.BLOCK_STRUCTURED)
        .toArray();
  }

  /** The in-process path: the same search on rows in memory (the fold statistics computed on all cores). */
  CrossValidatedRidge crossValidate(double[][] x, double[] y) {
    return RidgeRegression.crossValidate(x, y, lambdas, pipeline.blockOf, ratios, folds, seed);
  }

  /** The ranks (0-based, ascending) of the sorted out-of-fold residuals that {@link #model} reads. */
  public long[] residualRanks() {
    return OrderStatistics.ranks(rows, 0.1, 0.9);
  }

  /**
   * The model: the refitted ridge of {@code cv}, the 80% interval from the residuals' 10% and 90% quantiles, and the
   * out-of-fold R².
   *
   * @param cv from {@link #crossValidate}
   * @param residualSquares {@code Σ r²} over the out-of-fold residuals {@code r}
   * @param sortedResiduals the residual of each rank in ascending order; called for {@link #residualRanks} only
   * @throws IllegalStateException if this plan was deserialized (it has no embedder: make the model on the driver)
   */
  public TabularModel model(CrossValidatedRidge cv, double residualSquares, LongToDoubleFunction sortedResiduals) {
    // A regressor without an embedder fits from vectors computed beforehand; only a deserialized copy is refused.
    if (!original && pipeline.useText) {
      throw new IllegalStateException("this plan came through serialization without its embedder; "
          + "make the model with the plan TabularRegressor.plan returned");
    }
    Checks.notNull(cv, "cv");
    Checks.nonNegative(residualSquares, "residualSquares");
    Checks.notNull(sortedResiduals, "sortedResiduals");
    if (cv.model().features() != dimension()) {
      throw new IllegalArgumentException("cv has " + cv.model().features() + " features but the plan has "
          + dimension());
    }
    double q10 = OrderStatistics.quantile(rows, 0.1, sortedResiduals);
    double q90 = OrderStatistics.quantile(rows, 0.9, sortedResiduals);
    double[] chosen = new double[4];
    chosen[0] = 1;
    for (int b = 1; b < 4; b++) {
      chosen[b] = blocksPresent[b] ? cv.blockRatio(b) : Double.POSITIVE_INFINITY;
    }
    double sst = cv.totalSumOfSquares();
    TabularModel model = new TabularModel(pipeline, cv.model(), q10, q90, logTarget, chosen,
        sst > 0 ? 1 - residualSquares / sst : Double.NaN, null, embedder);
    LOG.info("tabular ridge on {} rows: {}", rows, model.describe());
    return model;
  }

  @Override
  public String toString() {
    return "TabularFitPlan{rows=" + rows + ", features=" + dimension() + ", folds=" + folds + "}";
  }
}
