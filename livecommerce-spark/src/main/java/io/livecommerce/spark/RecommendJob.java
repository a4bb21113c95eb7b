package io.livecommerce.spark;

import io.livecommerce.Scored;
import io.livecommerce.recommend.ImplicitModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
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

/** {@code recommend}: top k for every user on the cluster, as the CLI's user,rank,item,score. One per run. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Top k for every user of the interactions with a trained model, computed on the executors and "
        + "written as the CLI's user,rank,item,score.")
final class RecommendJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--interactions", required = true, description = "Table with a user column: whom to serve.")
  String interactions;

  @Option(names = "--model", required = true, description = "A model file (train-recommender, the CLI).")
  Path model;

  @Option(names = "--k", defaultValue = "10", description = "Items per user, > 0 (default: 10).")
  int k;

  @Option(names = "--exclude-seen", description = "Leave out items each user already interacted with.")
  boolean excludeSeen;

  @Option(names = "--out", required = true, description = "Output folder (CSV, or .parquet); must not exist.")
  String out;

  @Mixin
  InteractionColumns columns;

  @Mixin
  MasterOption master;

  /** Each executor JVM loads a model once per content (SHA-256 of the file). */
  private static final Map<String, ImplicitModel> LOADED = new ConcurrentHashMap<>();

  @Override
  public Integer call() throws IOException {
    if (k <= 0) {
      throw new IllegalArgumentException("--k must be > 0 but was " + k);
    }
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("--model " + model + " is not a file");
    }
    byte[] bytes = Files.readAllBytes(model);
    String hash = sha256(bytes);
    // Loaded here to fail with the file's name, not on an executor; kept, so tasks in this JVM (local mode) reuse it.
    LOADED.put(hash, ImplicitModel.load(model, null));
    SparkSession spark = SparkJobSession.get(master.master);
    Tables.requireAbsent(spark, out, "--out");
    Broadcast<byte[]> shipped = spark.sparkContext().broadcast(bytes, scala.reflect.ClassTag$.MODULE$.apply(
        byte[].class));
    int top = k;
    boolean exclude = excludeSeen;
    StructType schema = new StructType().add("user", DataTypes.StringType).add("rank", DataTypes.IntegerType)
        .add("item", DataTypes.StringType).add("score", DataTypes.DoubleType);
    Dataset<Row> users = columns.select(Tables.read(spark, interactions), false).distinct();
    Dataset<Row> recs = users.flatMap((FlatMapFunction<Row, Row>) r -> {
      ImplicitModel m = LOADED.computeIfAbsent(hash, h -> load(shipped.value()));
      List<Row> rows = new ArrayList<>();
      int rank = 0;
      for (Scored<String> s : m.recommend(r.getString(0), top, exclude)) {
        rows.add(RowFactory.create(r.getString(0), ++rank, s.item(), s.score()));
      }
      return rows.iterator();
    }, Encoders.row(schema)).orderBy("user", "rank");
    Tables.write(recs, out);
    spec.commandLine().getOut().println("wrote top " + k + " for every user to " + out);
    return 0;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static ImplicitModel load(byte[] bytes) {
    try {
      Path tmp = Files.createTempFile("livecommerce-model", ".lcm");
      try {
        Files.write(tmp, bytes);
        return ImplicitModel.load(tmp, null);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
