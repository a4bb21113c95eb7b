package io.livecommerce.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.eval.RankingReport;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.Interaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark-trained factors served in-process against the in-process trainer, on one seeded log. */
class SparkImplicitTrainerTest {

  static List<Interaction> train;
  static Map<String, Set<String>> relevant;
  private static ImplicitModel sparkTrained;

  /** Trained once for both tests: a Spark fit is the slow part. */
  static synchronized ImplicitModel sparkTrained() {
    if (sparkTrained == null) {
      sparkTrained = SparkImplicitTrainer.of(recommender()).train(frame(train), Map.of());
    }
    return sparkTrained;
  }

  /** 800 users in 8 taste clusters over 160 items; the last fifth of the log by time is the test. */
  @BeforeAll
  static synchronized void seededLog() {
    if (train != null) {
      return;
    }
    Random rnd = new Random(11);
    List<Interaction> log = new ArrayList<>();
    long t = 1_700_000_000_000L;
    for (int u = 0; u < 800; u++) {
      int cluster = u % 8;
      for (int n = 0; n < 14; n++) {
        int item = rnd.nextDouble() < 0.8 ? cluster * 20 + (int) Math.floor(Math.abs(rnd.nextGaussian()) * 6) % 20
            : rnd.nextInt(160);
        log.add(new Interaction("u" + u, "i" + item, 1 + rnd.nextInt(5), t + rnd.nextInt(30) * 86_400_000L));
      }
    }
    log.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
    int cut = log.size() * 4 / 5;
    train = List.copyOf(log.subList(0, cut));
    Set<String> seenPairs = train.stream().map(i -> i.user() + "|" + i.item()).collect(Collectors.toSet());
    Set<String> users = train.stream().map(Interaction::user).collect(Collectors.toSet());
    relevant = new HashMap<>();
    for (Interaction i : log.subList(cut, log.size())) {
      if (users.contains(i.user()) && !seenPairs.contains(i.user() + "|" + i.item())) {
        relevant.computeIfAbsent(i.user(), x -> new HashSet<>()).add(i.item());
      }
    }
  }

  static ImplicitRecommender recommender() {
    return ImplicitRecommender.newBuilder().als(ImplicitAls.newBuilder().factors(16).iterations(10)
        .regularization(0.1).alpha(2).seed(7).build()).halfLifeDays(14).build();
  }

  static Dataset<Row> frame(List<Interaction> log) {
    StructType schema = new StructType().add("user", DataTypes.StringType).add("item", DataTypes.StringType)
        .add("weight", DataTypes.DoubleType).add("timestamp", DataTypes.LongType);
    List<Row> rows = log.stream().map(i -> RowFactory.create(i.user(), i.item(), i.weight(), i.timestampMillis()))
        .toList();
    return LocalSpark.get().createDataFrame(rows, schema).repartition(4);
  }

  static double ndcg(ImplicitModel m) {
    RankingReport r = RankingEvaluator.evaluate("m", u -> m.recommend(u, 10, true).stream().map(s -> s.item())
        .toList(), relevant, 10, m.catalogue().size());
    return r.ndcg();
  }

  @Test
  void sparkTrainedFactorsServeWithinThreePercentOfTheInProcessTrainer() {
    ImplicitModel local = recommender().fit(train);
    ImplicitModel spark = sparkTrained();
    double a = ndcg(local);
    double b = ndcg(spark);
    assertTrue(a > 0.2, "the log has signal: " + a);
    System.out.printf(java.util.Locale.ROOT, "NDCG@10 in-process %.4f, Spark %.4f%n", a, b);
    assertTrue(Math.abs(a - b) <= 0.03 * a, "in-process " + a + " vs Spark " + b);
    assertEquals(Set.copyOf(local.catalogue()), Set.copyOf(spark.catalogue()));
    // The same seen lists: nothing a user watched comes back.
    assertEquals(local.recommend("u3", 160, true).size(), spark.recommend("u3", 160, true).size());
  }

  @Test
  void theExportedModelLoadsAndServesInAJvmWithoutSpark(@TempDir Path dir) throws Exception {
    ImplicitModel spark = sparkTrained();
    Path file = dir.resolve("model.lcm");
    spark.save(file);
    String out = ServeWithoutSpark.runWithoutSpark(file.toString(), "u3", "u42");
    String expected = ServeWithoutSpark.describe(spark, List.of("u3", "u42"));
    assertEquals(expected.strip(), out.strip().lines().filter(l -> l.startsWith("u")).collect(
        Collectors.joining("\n")));
  }
}
