package io.livecommerce.spark;

import io.livecommerce.recommend.AlsSettings;
import io.livecommerce.recommend.ConfidenceTransform;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-recommender}: implicit ALS on the cluster, saved as the SDK's model file. One per run. */
@Command(name = "train-recommender", mixinStandardHelpOptions = true,
    description = "Train the recommender's factors with Spark MLlib's implicit ALS over the SDK's confidence "
        + "mapping and save the model file the in-process recommender loads (ImplicitModel.load, the CLI).")
final class TrainRecommenderJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--interactions", required = true,
      description = "Table with user,item and optional weight (default 1) and timestamp (epoch ms); other names "
          + "with --user-column and the like.")
  String interactions;

  @Option(names = "--items", description = "Table with item,text for the content signal (hashing embedder).")
  String items;

  @Option(names = "--out", required = true, description = "The model file to write (on the driver's file system).")
  Path out;

  // No defaults here: the unset ones come from AlsSettings.DEFAULTS, as in process (this job once had alpha 1).
  @Option(names = "--factors", description = "Latent factors (default: as in process, 32).")
  Integer factors;

  @Option(names = "--alpha", description = "Confidence scale (default: as in process, 5).")
  Double alpha;

  @Option(names = "--regularization", description = "Penalty, as the in-process trainer reads it (default: as in "
      + "process, 0.1).")
  Double regularization;

  @Option(names = "--iterations", description = "ALS sweeps (default: as in process, 10).")
  Integer iterations;

  @Option(names = "--confidence", defaultValue = "linear", paramLabel = "binary|linear|log",
      description = "How weights become confidence (default: linear).")
  String confidence;

  @Option(names = "--half-life-days", defaultValue = "0", description = "Weight half-life in days; 0 for none.")
  double halfLifeDays;

  @Option(names = "--seed", description = "Random seed (default: as in process, 42).")
  Long seed;

  @Mixin
  InteractionColumns columns;

  @Mixin
  MasterOption master;

  /** The defaults shared with the in-process trainer, with what was given. */
  AlsSettings alsSettings() {
    AlsSettings s = AlsSettings.DEFAULTS;
    s = factors != null ? s.withFactors(factors) : s;
    s = iterations != null ? s.withIterations(iterations) : s;
    s = regularization != null ? s.withRegularization(regularization) : s;
    s = alpha != null ? s.withAlpha(alpha) : s;
    return seed != null ? s.withSeed(seed) : s;
  }

  @Override
  public Integer call() throws IOException {
    ConfidenceTransform transform;
    try {
      transform = ConfidenceTransform.valueOf(confidence.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--confidence '" + confidence + "' is not one of binary, linear, log");
    }
    ImplicitRecommender recommender = ImplicitRecommender.newBuilder().confidence(transform)
        .halfLifeDays(halfLifeDays).embedder(io.livecommerce.embed.HashingTextEmbedder.create())
        .als(ImplicitAls.newBuilder().settings(alsSettings()).build()).build();
    SparkSession spark = SparkJobSession.get(master.master);
    var log = columns.select(Tables.read(spark, interactions), true);
    if (!java.util.Arrays.asList(log.columns()).contains("weight")) {
      log = log.withColumn("weight", org.apache.spark.sql.functions.lit(1.0));
    }
    Map<String, String> texts = new HashMap<>();
    if (items != null) {
      for (Row r : Tables.read(spark, items).select("item", "text").collectAsList()) {
        texts.put(r.getString(0), r.isNullAt(1) ? "" : r.getString(1));
      }
    }
    ImplicitModel model = SparkImplicitTrainer.of(recommender).train(log, texts);
    model.save(out);
    spec.commandLine().getOut().println("trained on " + interactions + ": " + model.catalogue().size()
        + " items; wrote " + out);
    return 0;
  }
}
