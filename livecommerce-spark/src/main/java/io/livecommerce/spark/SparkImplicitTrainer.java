package io.livecommerce.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.livecommerce.internal.Checks;
import io.livecommerce.recommend.ConfidenceTransform;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.PairTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link ImplicitRecommender}'s factor model with Spark MLlib's implicit ALS on a cluster and returns the
 * same {@link ImplicitModel} the in-process trainer makes, to save and serve without Spark.
 *
 * <p>The confidence mapping is the recommender's own, computed on the executors: each weight decayed by its age
 * at the newest timestamp (the half-life), summed per (user, item), then the confidence transform; MLlib gets that
 * strength as the rating with the recommender's alpha, so its confidence {@code 1 + alpha * |strength|} and
 * preference {@code strength > 0} are the in-process ones. Factors, iterations and seed are the recommender's.
 * MLlib scales the penalty by each user's and item's number of pairs where the in-process solver does not, so the
 * penalty handed to MLlib is the recommender's divided by the mean pairs per user, unless {@link #regParam} says
 * otherwise. Only the aggregated pairs and the factors come back to the driver, never the raw events.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkImplicitTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(SparkImplicitTrainer.class);

  private final ImplicitRecommender recommender;
  private final Double regParam;

  private SparkImplicitTrainer(ImplicitRecommender recommender, Double regParam) {
    this.recommender = recommender;
    this.regParam = regParam;
  }

  /** A trainer for {@code recommender}'s settings (family ALS). */
  public static SparkImplicitTrainer of(ImplicitRecommender recommender) {
    return new SparkImplicitTrainer(Checks.notNull(recommender, "recommender"), null);
  }

  /** The penalty given to MLlib as it is (MLlib's per-pair scaling), instead of the derived one. */
  public SparkImplicitTrainer regParam(double regParam) {
    return new SparkImplicitTrainer(recommender, Checks.positive(regParam, "regParam"));
  }

  /**
   * Trains on {@code interactions}: columns {@code user} and {@code item} (any type, read as strings),
   * {@code weight} (numeric) and optionally {@code timestamp} (epoch milliseconds; without it every row is as new
   * as the newest).
   *
   * @param itemTexts text per item for the content signal (embedded on the driver by the recommender's embedder);
   *     may be empty
   * @throws IllegalArgumentException if a column is missing or there are no rows
   */
  public ImplicitModel train(Dataset<Row> interactions, Map<String, String> itemTexts) {
    Checks.notNull(interactions, "interactions");
    Checks.notNull(itemTexts, "itemTexts");
    List<String> names = Arrays.asList(interactions.columns());
    for (String c : List.of("user", "item", "weight")) {
      if (!names.contains(c)) {
        throw new IllegalArgumentException("interactions has no column '" + c + "'; columns: " + names);
      }
    }
    // try_cast: a value that is not a number becomes null here and is reported below with its column.
    Dataset<Row> log = interactions.select(col("user").cast("string").as("user"),
        col("item").cast("string").as("item"), col("weight").try_cast("double").as("weight"),
        (names.contains("timestamp") ? col("timestamp").try_cast("long") : lit(0L)).as("timestamp"));
    // One pass for the newest timestamp and the bad cells.
    Row stats = log.agg(max("timestamp"), count(lit(1)), count(when(col("user").isNull(), 1)),
        count(when(col("item").isNull(), 1)), count(when(col("weight").isNull(), 1)),
        count(when(col("timestamp").isNull(), 1))).first();
    if (stats.getLong(1) == 0) {
      throw new IllegalArgumentException("interactions has no rows");
    }
    String[] cols = {"user", "item", "weight", "timestamp"};
    for (int c = 0; c < cols.length; c++) {
      long bad = stats.getLong(2 + c);
      if (bad > 0) {
        org.apache.spark.sql.Column raw = col(cols[c]);
        org.apache.spark.sql.Column isBad = c < 2 ? raw.isNull()
            : raw.try_cast(c == 2 ? "double" : "long").isNull();
        Row example = interactions.select(raw).where(isBad).first();
        throw new IllegalArgumentException("interactions column '" + cols[c] + "' is empty or not a "
            + (c < 2 ? "value" : "number") + " in " + bad + " rows, e.g. "
            + (example.isNullAt(0) ? "an empty cell" : "'" + example.get(0) + "'"));
      }
    }
    long newest = stats.getLong(0);
    double halfLife = recommender.halfLifeDays();
    ConfidenceTransform transform = recommender.confidence();
    // The same arithmetic as the in-process trainer (core's decay and transform), run on the executors. Unnamed
    // functions, so trainings that share a session never see each other's settings.
    UserDefinedFunction decayed = udf((UDF2<Double, Long, Double>) (w, ts) ->
        w * ImplicitRecommender.decay(newest - ts, halfLife), DataTypes.DoubleType);
    UserDefinedFunction strength = udf((UDF1<Double, Double>) transform::apply, DataTypes.DoubleType);
    Dataset<Row> pairs = log.withColumn("w", decayed.apply(col("weight"), col("timestamp")))
        .groupBy("user", "item").agg(sum("w").as("summed"))
        .withColumn("strength", strength.apply(col("summed")))
        .cache();
    try {
      StringIndexerModel users = new StringIndexer().setInputCol("user").setOutputCol("u")
          .setStringOrderType("alphabetAsc").fit(pairs);
      StringIndexerModel items = new StringIndexer().setInputCol("item").setOutputCol("i")
          .setStringOrderType("alphabetAsc").fit(pairs);
      Dataset<Row> indexed = items.transform(users.transform(pairs))
          .withColumn("u", col("u").cast("int")).withColumn("i", col("i").cast("int"));
      String[] userLabels = users.labelsArray()[0];
      String[] itemLabels = items.labelsArray()[0];
      long pairCount = pairs.count();
      ImplicitAls als = recommender.als();
      double reg = regParam != null ? regParam : als.regularization() / Math.max(1.0, (double) pairCount
          / userLabels.length);
      LOG.info("Spark ALS on {} pairs ({} users, {} items): rank {}, {} iterations, regParam {}, alpha {}",
          pairCount, userLabels.length, itemLabels.length, als.factors(), als.iterations(), reg, als.alpha());
      ALSModel model = new ALS().setImplicitPrefs(true).setRank(als.factors()).setMaxIter(als.iterations())
          .setRegParam(reg).setAlpha(als.alpha()).setSeed(als.seed()).setUserCol("u").setItemCol("i")
          .setRatingCol("strength").fit(indexed);
      Map<String, float[]> userFactors = factors(model.userFactors(), userLabels);
      Map<String, float[]> itemFactors = factors(model.itemFactors(), itemLabels);
      // The pairs, streamed partition by partition in user order into compact rows: two ints and a double per
      // pair on the driver, never the raw events and never an object per pair.
      PairTable.Builder table = PairTable.newBuilder();
      java.util.Iterator<Row> it = pairs.select("user", "item", "summed").orderBy("user").toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        table.add(r.getString(0), r.getString(1), r.getDouble(2));
      }
      return recommender.fromFactors(table.build(), itemTexts, userFactors, itemFactors);
    } finally {
      pairs.unpersist();
    }
  }

  private static Map<String, float[]> factors(Dataset<Row> table, String[] labels) {
    Map<String, float[]> out = new HashMap<>();
    for (Row r : table.collectAsList()) {
      List<Object> f = r.getList(1);
      float[] v = new float[f.size()];
      for (int d = 0; d < v.length; d++) {
        v[d] = ((Number) f.get(d)).floatValue();
      }
      out.put(labels[r.getInt(0)], v);
    }
    return out;
  }

  @Override
  public String toString() {
    return "SparkImplicitTrainer{" + recommender + (regParam != null ? ", regParam=" + regParam : "") + "}";
  }
}
