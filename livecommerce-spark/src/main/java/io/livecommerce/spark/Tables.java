package io.livecommerce.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** CSV (with a header) or Parquet by the path's extension, as the jobs read and write them. */
final class Tables {

  private Tables() {}

  static boolean parquet(String path) {
    return path.endsWith(".parquet");
  }

  static Dataset<Row> read(SparkSession spark, String path) {
    return parquet(path) ? spark.read().parquet(path)
        : spark.read().option("header", "true").option("encoding", "UTF-8").option("multiLine", "true")
            .option("escape", "\"").csv(path);
  }

  /** Writes a folder of part files; refuses one that exists rather than replace what is there. */
  static void write(Dataset<Row> rows, String path) {
    if (parquet(path)) {
      rows.write().mode(SaveMode.ErrorIfExists).parquet(path);
    } else {
      rows.write().mode(SaveMode.ErrorIfExists).option("header", "true").option("escape", "\"").csv(path);
    }
  }
}
