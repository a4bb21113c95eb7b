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

  /**
   * Fails before any work when an output folder exists (on whatever file system the path names), rather than after
   * hours of it at the write.
   */
  static void requireAbsent(SparkSession spark, String path, String flag) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        throw new IllegalArgumentException(flag + " " + path + " already exists; outputs never replace what is "
            + "there");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot check " + flag + " " + path, e);
    }
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
