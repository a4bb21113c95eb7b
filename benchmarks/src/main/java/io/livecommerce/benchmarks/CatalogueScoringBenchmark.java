package io.livecommerce.benchmarks;

import io.livecommerce.Scored;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.recommend.BlendWeights;
import io.livecommerce.recommend.EaseTrainer;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.ModelFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One known user's top 10 from a catalogue with item text (384-dimensional vectors): EASE with the content signal
 * weighed and without it (the difference is what content scoring costs per user, the part of batch recommendation
 * with {@code --items} that grows with users x items x dimensions), and ALS with 32 factors, CF alone (its scores
 * for every item are the other product over the whole catalogue).
 *
 * <p>JMH state; not thread-safe, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class CatalogueScoringBenchmark {

  @Param({"10000"})
  int items;

  ImplicitModel withContent;
  ImplicitModel cfOnly;
  ImplicitModel als;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(3);
    Map<String, String> texts = new HashMap<>();
    for (int i = 0; i < items; i++) {
      texts.put("i" + i, "item " + i + " word" + rnd.nextInt(500) + " word" + rnd.nextInt(500));
    }
    List<Interaction> log = new ArrayList<>();
    for (int e = 0; e < 20 * items; e++) {
      int item = (int) Math.min(items - 1, Math.floor(Math.pow(rnd.nextDouble(), 2.5) * items));
      log.add(new Interaction("u" + rnd.nextInt(items), "i" + item, 1, e));
    }
    ImplicitModel m = ImplicitRecommender.newBuilder().family(ModelFamily.EASE)
        .ease(EaseTrainer.newBuilder().maxItems(2000).build())
        .embedder(HashingTextEmbedder.newBuilder().dimension(384).build()).build().fit(log, texts);
    withContent = m.withWeights(new BlendWeights(1, 0.25, 0.05, 0));
    cfOnly = m.withWeights(new BlendWeights(1, 0, 0.05, 0));
    als = ImplicitRecommender.newBuilder().family(ModelFamily.ALS)
        .als(ImplicitAls.newBuilder().factors(32).iterations(3).seed(1).build())
        .weights(new BlendWeights(1, 0, 0.05, 0)).build().fit(log);
  }

  @Benchmark
  public List<Scored<String>> withContent() {
    return withContent.recommend("u42", 10, true);
  }

  @Benchmark
  public List<Scored<String>> cfOnly() {
    return cfOnly.recommend("u42", 10, true);
  }

  @Benchmark
  public List<Scored<String>> alsCfOnly() {
    return als.recommend("u42", 10, true);
  }
}
