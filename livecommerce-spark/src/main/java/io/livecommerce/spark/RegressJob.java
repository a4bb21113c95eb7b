package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regress}: the selection regression fitted on the cluster, as the CLI's {@code regress}. One per run. */
@Command(name = "regress", mixinStandardHelpOptions = true,
    description = "Fit the selection/promotion regression on a table on the cluster (the in-process fit's model, "
        + "to 1e-6), predict another table (id,prediction as the CLI writes it) and optionally save the model file. "
        + "Numbers must lie in [-1e15, 1e15]; an empty numeric cell is missing and imputed.")
final class RegressJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training table: CSV with a header, or .parquet.")
  String train;

  @Option(names = "--predict", required = true, description = "Table to predict (the target column may be absent).")
  String predict;

  @Option(names = "--id-column", required = true, description = "The id column.")
  String idColumn;

  @Option(names = "--target-column", required = true, description = "The numeric target column.")
  String targetColumn;

  @Option(names = "--text-column", description = "A text column to embed; an empty cell is a missing text.")
  String textColumn;

  @Option(names = "--numeric-columns", split = ",", description = "Numeric feature columns, comma-separated.")
  List<String> numeric = new ArrayList<>();

  @Option(names = "--categorical-columns", split = ",", description = "Categorical columns, comma-separated.")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--log-target", description = "Learn log(1 + target), for skewed targets such as sales.")
  boolean logTarget;

  @Option(names = "--out", required = true, description = "Output folder of id,prediction (CSV, or .parquet); "
      + "must not exist.")
  String out;

  @Option(names = "--save-model", description = "Also write the model file (on the driver's file system), which "
      + "TabularModel.load reads without Spark.")
  Path saveModel;

  @Mixin
  EmbedderOption embedderOption;

  @Mixin
  MasterOption master;

  @Override
  public Integer call() throws IOException {
    for (String input : List.of(train, predict)) {
      if (input.equals(out) || saveModel != null && Path.of(input).toAbsolutePath().normalize()
          .equals(saveModel.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("an output is the input " + input + "; outputs never replace inputs");
      }
    }
    EmbedderFactory factory = embedderOption.factory();
    TextEmbedder embedder = textColumn == null ? null : ExecutorEmbedders.get(factory);
    TabularRegressor regressor = TabularRegressor.newBuilder().embedder(embedder).numericColumns(numeric)
        .categoricalColumns(categorical).logTarget(logTarget).build();
    SparkSession spark = SparkJobSession.get(master.master);
    Tables.requireAbsent(spark, out, "--out");
    TabularModel m = SparkTabularTrainer.of(regressor, textColumn == null ? null : factory)
        .fit(Tables.read(spark, train), idColumn, targetColumn, textColumn);
    TabularColumns columns = new TabularColumns(idColumn, targetColumn, textColumn, numeric, categorical);
    Dataset<Row> rows = columns.normalize(Tables.read(spark, predict), false);
    StructType schema = new StructType().add("id", DataTypes.StringType, false)
        .add("prediction", DataTypes.DoubleType, false);
    EmbedderFactory executorFactory = m.usesText() ? factory : null;
    Dataset<Row> predictions = rows.mapPartitions((MapPartitionsFunction<Row, Row>) it ->
        predictions(it, m, columns, executorFactory), Encoders.row(schema));
    if (!Tables.parquet(out)) {
      predictions = predictions.withColumn("prediction", org.apache.spark.sql.functions.format_string("%.6f",
          predictions.col("prediction")));
    }
    Tables.write(predictions, out);
    if (saveModel != null) {
      m.save(saveModel);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "cross-validation chose: penalty %s; derived features %s; interactions %s; text %s; "
        + "out-of-fold R² %.4f%s%n", plain(m.ridge().lambda()),
        m.derivedFeaturesKept().isEmpty() ? "none" : String.join(" ", m.derivedFeaturesKept()),
        m.interactionsKept() ? "kept" : "none", textColumn == null ? "not given"
            : m.textKept() ? "'" + textColumn + "' kept, its penalty x" + plain(m.textPenaltyRatio())
            : "'" + textColumn + "' left out", m.crossValidatedR2(), logTarget ? " (on log(1 + target))" : "");
    w.println("trained on " + m.ridge().rows() + " rows (" + m.featureNames().size() + " features); wrote "
        + out + (saveModel != null ? " and " + saveModel : ""));
    return 0;
  }

  /** Whole numbers without a decimal point, as the CLI prints penalties. */
  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Predicts a partition lazily, a batch at a time, the batch's texts embedded in one call on the executor. */
  private static Iterator<Row> predictions(Iterator<Row> in, TabularModel model, TabularColumns columns,
      EmbedderFactory factory) {
    TextEmbedder embedder = factory == null ? null : ExecutorEmbedders.get(factory);
    return Batches.of(in, batch -> {
      List<TabularRow> rows = batch.stream().map(columns::row).toList();
      List<float[]> vectors = embedder == null ? Collections.nCopies(rows.size(), null)
          : TabularRow.textVectors(rows, embedder);
      List<Row> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        out.add(RowFactory.create(rows.get(i).id(), model.predict(rows.get(i), vectors.get(i)).value()));
      }
      return out;
    });
  }
}
