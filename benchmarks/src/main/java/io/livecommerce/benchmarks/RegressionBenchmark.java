package io.livecommerce.benchmarks;

import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularPrediction;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.xgboost.XGBoostTreeLearner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The selection machinery at scale: cross-validated training (5 folds x 9 penalties) on 100k rows x 530 features
 * (512 text dimensions, 3 numeric columns with a log, 12 category levels), and scoring 100k candidates with
 * explanations.
 *
 * <p>JMH state; not thread-safe, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class RegressionBenchmark {

  List<TabularRow> rows;
  List<float[]> vectors;
  TabularRegressor regressor;
  TabularModel model;
  TabularModel withTrees;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(1);
    rows = new ArrayList<>(100_000);
    vectors = new ArrayList<>(100_000);
    String[] cats = {"美妆", "零食", "数码", "母婴", "服饰", "家居", "茶酒", "运动", "宠物", "图书", "生鲜", "家电"};
    for (int i = 0; i < 100_000; i++) {
      float[] v = new float[512];
      for (int j = 0; j < 512; j++) {
        v[j] = (float) rnd.nextGaussian() / 22.6f;
      }
      double price = 10 + rnd.nextInt(500);
      double y = Math.exp(3 - 0.5 * Math.log(price) + 4 * v[0] + 0.3 * rnd.nextGaussian());
      rows.add(new TabularRow("p" + i, "", Map.of("price", price, "fit", rnd.nextDouble(), "level",
          rnd.nextGaussian()), Map.of("category", cats[i % cats.length]), y));
      vectors.add(v);
    }
    regressor = TabularRegressor.newBuilder().useText(true).numericColumns(List.of("price", "fit", "level"))
        .logColumns(Set.of("price")).categoricalColumns(List.of("category")).logTarget(true).build();
    model = regressor.fit(rows, vectors);
    System.out.println("features: " + model.featureNames().size());
    // A target that steps with price inside some categories, which trees learn and ridge cannot: trees are kept.
    List<TabularRow> stepped = new ArrayList<>();
    for (TabularRow r : rows.subList(0, 20_000)) {
      boolean step = r.numeric().get("price") > 250 && r.categorical().get("category").compareTo("宠") < 0;
      stepped.add(new TabularRow(r.id(), r.text(), r.numeric(), r.categorical(), r.target() * (step ? 4 : 1)));
    }
    withTrees = regressor.toBuilder().treeLearner(XGBoostTreeLearner.newBuilder().build()).build()
        .fit(stepped, vectors.subList(0, 20_000));
    System.out.println("trees: " + withTrees.describe());
  }

  @Benchmark
  public TabularModel train100kRows530Features() {
    return regressor.fit(rows, vectors);
  }

  /** Ranking 100k candidates with a ridge + trees model, every one explained (TreeSHAP). */
  @Benchmark
  public void scoreWithTrees100kExplained(Blackhole bh) {
    for (int i = 0; i < rows.size(); i++) {
      bh.consume(withTrees.predict(rows.get(i), vectors.get(i)));
    }
  }

  /** The same ranked by estimate alone, as the selector now does before explaining the k it keeps. */
  @Benchmark
  public void scoreWithTrees100kEstimated(Blackhole bh) {
    for (int i = 0; i < rows.size(); i++) {
      bh.consume(withTrees.estimate(rows.get(i), vectors.get(i)));
    }
  }

  @Benchmark
  public void score100kCandidates(Blackhole bh) {
    for (int i = 0; i < rows.size(); i++) {
      TabularPrediction p = model.predict(rows.get(i), vectors.get(i));
      bh.consume(p);
    }
  }
}
