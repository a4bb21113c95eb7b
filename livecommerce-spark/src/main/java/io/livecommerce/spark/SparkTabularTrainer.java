package io.livecommerce.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.livecommerce.internal.Checks;
import io.livecommerce.math.CrossValidatedRidge;
import io.livecommerce.math.OrderStatistics;
import io.livecommerce.math.RidgeModel;
import io.livecommerce.math.RidgeStatistics;
import io.livecommerce.regress.NumericSummary;
import io.livecommerce.regress.TableSummary;
import io.livecommerce.regress.TabularFitPlan;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Fits a {@link TabularRegressor} on a table held by Spark and returns the same {@link TabularModel} the in-process
 * fit makes on the same rows, to save and serve without Spark.
 *
 * <p>It runs the regressor's {@link TabularFitPlan} with the rows on the executors: the column summaries (exact
 * medians and quartiles from sorted columns, level counts, skewness) are aggregated and fix the features; each row
 * is turned into features where it lives (texts embedded there, one embedder per executor JVM); the ridge's
 * sufficient statistics per cross-validation fold are summed with {@code treeAggregate}; the penalties are chosen and
 * the model solved on the driver by core's code; the out-of-fold residuals' sum of squares and quantiles come back
 * the same way. Only summaries of {@code features²} size travel to the driver, never the rows. A row's fold is
 * fixed by its position in the table, as in-process, so the coefficients equal the in-process fit's up to the order
 * of floating-point sums.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkTabularTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(SparkTabularTrainer.class);

  private final TabularRegressor regressor;
  private final EmbedderFactory embedders;

  private SparkTabularTrainer(TabularRegressor regressor, EmbedderFactory embedders) {
    this.regressor = regressor;
    this.embedders = embedders;
  }

  /**
   * A trainer for {@code regressor}'s settings.
   *
   * @param embedders makes the regressor's embedder on each executor (the same model as {@link
   *     TabularRegressor#embedder()}, which the driver records in the model's provenance); may be null when the
   *     regressor uses no text
   * @throws IllegalArgumentException if the regressor uses text and {@code embedders} is null, or it offers boosted
   *     trees (ridge only on Spark: XGBoost4J-Spark's Scala 2.13 build, 3.1.1, is built for Spark 3.5, not 4)
   */
  public static SparkTabularTrainer of(TabularRegressor regressor, EmbedderFactory embedders) {
    Checks.notNull(regressor, "regressor");
    if (regressor.treeLearner() != null) {
      throw new IllegalArgumentException("the regressor offers boosted trees (" + regressor.treeLearner().describe()
          + "), which the Spark trainer does not grow: fit ridge here (treeLearner(null)), or fit in process");
    }
    if (regressor.usesText() && (embedders == null || regressor.embedder() == null)) {
      throw new IllegalArgumentException("the regressor uses text: it needs its embedder (for the model's "
          + "provenance) and an EmbedderFactory making the same one on the executors");
    }
    return new SparkTabularTrainer(regressor, embedders);
  }

  /**
   * Fits on {@code table}, its rows in their order (the order fixes the folds, as the list order does in-process).
   *
   * @param idColumn names each row in messages
   * @param targetColumn the target, a number in every row
   * @param textColumn the text column, or null for none (required when the regressor uses text); null or blank is
   *     a missing text
   * @throws IllegalArgumentException if a column is missing, a number is empty where required, not a number or not
   *     finite (naming the column, the count and an example), or the table has fewer than 3 rows
   */
  public TabularModel fit(Dataset<Row> table, String idColumn, String targetColumn, String textColumn) {
    Checks.notNull(table, "table");
    Checks.notBlank(idColumn, "idColumn");
    Checks.notBlank(targetColumn, "targetColumn");
    if (regressor.usesText() && textColumn == null) {
      throw new IllegalArgumentException("the regressor uses text but no textColumn is given");
    }
    TabularColumns columns = new TabularColumns(idColumn, targetColumn, regressor.usesText() ? textColumn : null,
        regressor.numericColumns(), regressor.categoricalColumns());
    Dataset<Row> rows = columns.normalize(table, true).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return fit(rows, columns);
    } finally {
      rows.unpersist();
    }
  }

  private TabularModel fit(Dataset<Row> rows, TabularColumns columns) {
    int textDim = regressor.usesText() ? regressor.embedder().dimension() : 0;
    TableSummary summary = summarize(rows, columns, textDim);
    TabularFitPlan plan = regressor.plan(summary);
    LOG.info("Spark tabular fit on {} rows: {} features, {} folds", summary.rows(), plan.dimension(),
        plan.folds());

    JavaPairRDD<Row, Long> indexed = rows.javaRDD().zipWithIndex();
    int parallelism = rows.sparkSession().sparkContext().defaultParallelism();
    if (indexed.getNumPartitions() < parallelism) {
      indexed = indexed.repartition(parallelism); // each row keeps its index, so its fold
    }
    EmbedderFactory factory = embedders;
    JavaRDD<Sample> samples = indexed.mapPartitions(it -> TabularSamples.of(it, plan, columns, factory))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      int d = plan.dimension();
      double[] sums = samples.treeAggregate(new double[d + 1], (acc, s) -> {
        for (int j = 0; j < d; j++) {
          acc[j] += s.x()[j];
        }
        acc[d] += s.y();
        return acc;
      }, (a, b) -> {
        for (int j = 0; j <= d; j++) {
          a[j] += b[j];
        }
        return a;
      }, 2);
      long n = summary.rows();
      double[] shift = new double[d];
      for (int j = 0; j < d; j++) {
        shift[j] = sums[j] / n;
      }
      double yShift = sums[d] / n;
      int k = plan.folds();
      // Statistics are features² doubles per fold: made on the executors, not shipped with every task.
      FoldStatistics perFold = samples.treeAggregate(new FoldStatistics(shift, yShift, k),
          FoldStatistics::add, FoldStatistics::merge, 2);
      CrossValidatedRidge cv = plan.crossValidate(perFold.folds());
      List<RidgeModel> foldModels = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        foldModels.add(cv.foldModel(f));
      }
      JavaRDD<Double> residuals = samples.map(s -> s.y() - foldModels.get(s.fold()).predict(s.x()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        double sse = residuals.map(r -> r * r).fold(0.0, Double::sum);
        JavaRDD<Double> ascending = residuals.sortBy(r -> r, true, residuals.getNumPartitions());
        Map<Long, Double> sorted = valuesAtRanks(ascending, plan.residualRanks());
        return plan.model(cv, sse, sorted::get);
      } finally {
        residuals.unpersist();
      }
    } finally {
      samples.unpersist();
    }
  }

  /** One pass for counts, means and blank texts, one for central moments, one sort per numeric column. */
  private static TableSummary summarize(Dataset<Row> rows, TabularColumns columns, int dimension) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)));
    UDF1<String, Boolean> isBlank = s -> s == null || s.isBlank();
    aggs.add(columns.text() == null ? lit(0L)
        : count(when(udf(isBlank, DataTypes.BooleanType).apply(col(columns.text())), 1)));
    for (String c : columns.numeric()) {
      aggs.add(count(col(c)));
      aggs.add(avg(col(c)));
    }
    Row first = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long n = first.getLong(0);
    if (n < 3) {
      throw new IllegalArgumentException("need at least 3 rows to fit and cross-validate but got " + n);
    }
    long blank = first.getLong(1);
    Map<String, NumericSummary> numeric = new HashMap<>();
    List<Column> moments = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (int i = 0; i < columns.numeric().size(); i++) {
      String c = columns.numeric().get(i);
      if (first.getLong(2 + 2 * i) == 0) {
        continue; // no value in any row: the plan says so
      }
      present.add(c);
      Column centred = col(c).minus(lit(first.getDouble(3 + 2 * i)));
      moments.add(sum(centred.multiply(centred)));
      moments.add(sum(centred.multiply(centred).multiply(centred)));
    }
    if (!present.isEmpty()) {
      Row m = rows.agg(moments.get(0), moments.subList(1, moments.size()).toArray(Column[]::new)).first();
      for (int i = 0; i < present.size(); i++) {
        String c = present.get(i);
        long count = first.getLong(2 + 2 * columns.numeric().indexOf(c));
        double skew = OrderStatistics.skewness(count, m.getDouble(2 * i), m.getDouble(2 * i + 1));
        JavaRDD<Double> values = rows.select(col(c)).where(col(c).isNotNull()).orderBy(col(c)).javaRDD()
            .map(r -> r.getDouble(0));
        Map<Long, Double> at = valuesAtRanks(values, NumericSummary.ranksNeeded(count));
        numeric.put(c, NumericSummary.of(count, at::get, skew));
      }
    }
    Map<String, Map<String, Long>> levels = new HashMap<>();
    for (String c : columns.categorical()) {
      Map<String, Long> counts = new HashMap<>();
      for (Row r : rows.groupBy(coalesce(col(c), lit(TabularModel.MISSING)).as("level")).count().collectAsList()) {
        counts.merge(r.getString(0), r.getLong(1), Long::sum);
      }
      levels.put(c, counts);
    }
    int textDim = columns.text() != null && blank < n ? dimension : 0;
    return new TableSummary(n, numeric, levels, columns.text() == null ? 0 : blank, textDim);
  }

  /** The values at the given ranks of a sorted RDD (ascending in partition order). */
  static Map<Long, Double> valuesAtRanks(JavaRDD<Double> sorted, long[] ranks) {
    Set<Long> wanted = new HashSet<>();
    for (long r : ranks) {
      wanted.add(r);
    }
    Map<Long, Double> out = new HashMap<>();
    for (Tuple2<Double, Long> t : sorted.zipWithIndex().filter(t -> wanted.contains(t._2)).collect()) {
      out.put(t._2, t._1);
    }
    return out;
  }

  /** Per-fold ridge statistics, allocated on first use so the zero value stays small. Not thread-safe. */
  static final class FoldStatistics implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] shift;
    private final double yShift;
    private final int folds;
    private RidgeStatistics[] stats;

    FoldStatistics(double[] shift, double yShift, int folds) {
      this.shift = shift;
      this.yShift = yShift;
      this.folds = folds;
    }

    FoldStatistics add(Sample s) {
      if (stats == null) {
        stats = new RidgeStatistics[folds];
        for (int f = 0; f < folds; f++) {
          stats[f] = RidgeStatistics.empty(shift, yShift);
        }
      }
      stats[s.fold()].add(s.x(), s.y());
      return this;
    }

    FoldStatistics merge(FoldStatistics o) {
      if (o.stats == null) {
        return this;
      }
      if (stats == null) {
        return o;
      }
      for (int f = 0; f < folds; f++) {
        stats[f].merge(o.stats[f]);
      }
      return this;
    }

    List<RidgeStatistics> folds() {
      if (stats == null) {
        throw new IllegalStateException("no rows reached the statistics");
      }
      return List.of(stats);
    }
  }

  /** One training row on an executor: its position's fold, its target and its features. */
  record Sample(int fold, double y, double[] x) implements java.io.Serializable {}

  @Override
  public String toString() {
    return "SparkTabularTrainer{" + regressor.numericColumns() + ", " + regressor.categoricalColumns() + "}";
  }
}
