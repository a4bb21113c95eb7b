package io.livecommerce.benchmarks;

import io.livecommerce.ProgressListener;
import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.domain.WatchEvent;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.recommend.AlsModel;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.RoomQuery;
import java.util.ArrayList;
import java.util.List;
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
 * ALS on 100k users x 10k items x 1M generated events (one and three iterations, so one iteration's cost is the
 * difference), and recommendation latency for one viewer against 100k live candidates (vectors cached, as in
 * steady state).
 *
 * <p>JMH state; not thread-safe, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class RecommenderBenchmark {

  @Param({"32"})
  int factors;

  List<Interaction> log;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(1);
    log = new ArrayList<>(1_000_000);
    for (int e = 0; e < 1_000_000; e++) {
      // Zipf-like item popularity, as in real catalogues.
      int item = (int) Math.min(9_999, Math.floor(Math.pow(rnd.nextDouble(), 2.5) * 10_000));
      log.add(new Interaction("u" + rnd.nextInt(100_000), "i" + item, 1 + rnd.nextInt(5), e));
    }
  }

  @Benchmark
  public AlsModel alsOneIteration() {
    return ImplicitAls.newBuilder().factors(factors).iterations(1).seed(1).build().fit(log, ProgressListener.NONE);
  }

  @Benchmark
  public AlsModel alsThreeIterations() {
    return ImplicitAls.newBuilder().factors(factors).iterations(3).seed(1).build().fit(log, ProgressListener.NONE);
  }

  /** Recommend latency against 100k live rooms. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public static class Latency {
    HybridRoomRecommender rec;
    RoomQuery query;

    @Setup(Level.Trial)
    public void setUp() {
      Random rnd = new Random(2);
      String[] words = {"口红", "面霜", "零食", "耳机", "童装", "茶叶", "羽绒服", "坚果", "保温杯", "扫地机"};
      List<LiveRoom> rooms = new ArrayList<>();
      for (int i = 0; i < 100_000; i++) {
        rooms.add(new LiveRoom("r" + i, "a" + (i % 20_000), words[rnd.nextInt(10)] + "专场 " + words[rnd.nextInt(10)]
            + " 福利 " + i, "", List.of(words[i % 10]), words[i % 10], 0, LiveRoom.ONGOING));
      }
      List<WatchEvent> events = new ArrayList<>();
      for (int e = 0; e < 200_000; e++) {
        events.add(new WatchEvent("v" + rnd.nextInt(20_000), "r" + rnd.nextInt(100_000), 1_000 + e,
            30 + rnd.nextInt(900), rnd.nextInt(5), 0, 0, 0, rnd.nextInt(2)));
      }
      rec = HybridRoomRecommender.newBuilder().embedder(HashingTextEmbedder.create())
          .als(ImplicitAls.newBuilder().factors(32).iterations(3).build()).train(rooms, events);
      query = RoomQuery.of("v42", rooms, 2_000_000, 10);
      rec.recommend(query); // embed and cache the candidates
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Scored<LiveRoom>> recommendAgainst100kLiveRooms() {
      return rec.recommend(query);
    }
  }
}
