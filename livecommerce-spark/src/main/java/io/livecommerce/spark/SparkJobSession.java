package io.livecommerce.spark;

import org.apache.spark.sql.SparkSession;

/** The jobs' Spark session: the running one (spark-submit, tests) or a new one on {@code --master}. */
final class SparkJobSession {

  private SparkJobSession() {}

  static SparkSession get(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("livecommerce");
    if (master != null) {
      b.master(master);
      if (master.startsWith("local")) {
        // On one machine, nothing listens beyond loopback and there is no UI to leave open.
        b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            // 200 shuffle partitions (the cluster default) are mostly scheduling overhead on a few cores.
            .config("spark.sql.shuffle.partitions", "8");
      }
    }
    SparkSession spark = b.getOrCreate();
    if (master != null && master.startsWith("local")) {
      spark.sparkContext().setLogLevel("WARN"); // a person at a terminal, not a cluster's log collector
    }
    return spark;
  }

  static void stop() {
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
  }
}
