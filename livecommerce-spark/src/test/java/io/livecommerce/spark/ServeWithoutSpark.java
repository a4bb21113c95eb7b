package io.livecommerce.spark;

import io.livecommerce.recommend.ImplicitModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Run in a JVM without Spark: loads a model file and prints each user's top 5. */
public final class ServeWithoutSpark {

  private ServeWithoutSpark() {}

  static String describe(ImplicitModel m, List<String> users) {
    return users.stream().map(u -> u + " " + m.recommend(u, 5, true).stream()
        .map(s -> s.item() + String.format(Locale.ROOT, ":%.5f", s.score())).collect(Collectors.joining(" ")))
        .collect(Collectors.joining("\n"));
  }

  public static void main(String[] args) throws Exception {
    boolean sparkThere;
    try {
      Class.forName("org.apache.spark.sql.SparkSession");
      sparkThere = true;
    } catch (ClassNotFoundException expected) {
      sparkThere = false;
    }
    if (sparkThere) {
      throw new IllegalStateException("Spark is on this class path; the test means to serve without it");
    }
    ImplicitModel m = ImplicitModel.load(Path.of(args[0]), null);
    System.out.println(describe(m, List.of(args).subList(1, args.length)));
  }
}
