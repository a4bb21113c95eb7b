package io.livecommerce.spark;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embed}: adds an embedding column, computed on the executors. Not thread-safe (one per run). */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Add an 'embedding' column to a table: space-separated floats in CSV (as the CLI writes them), "
        + "an array of float in Parquet.")
final class EmbedJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--in", required = true, description = "Input table: CSV with a header, or .parquet.")
  String in;

  @Option(names = "--text-column", required = true, description = "The column to embed.")
  String textColumn;

  @Option(names = "--out", required = true, description = "Output folder (CSV, or .parquet); must not exist.")
  String out;

  @Mixin
  EmbedderOption embedderOption;

  @Mixin
  MasterOption master;

  @Override
  public Integer call() {
    EmbedderFactory factory = embedderOption.factory();
    SparkSession spark = SparkJobSession.get(master.master);
    Tables.requireAbsent(spark, out, "--out");
    Dataset<Row> embedded = SparkEmbedding.embedColumn(Tables.read(spark, in), textColumn, "embedding", factory);
    if (!Tables.parquet(out)) {
      embedded = embedded.withColumn("embedding", array_join(col("embedding").cast("array<string>"), " "));
    }
    Tables.write(embedded, out);
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
