package io.livecommerce.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for the module's tests: loopback only, no UI. */
final class LocalSpark {

  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("livecommerce-spark-tests")
          .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.adaptive.enabled", "false").getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
