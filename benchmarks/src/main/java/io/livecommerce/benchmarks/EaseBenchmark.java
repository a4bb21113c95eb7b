package io.livecommerce.benchmarks;

import io.livecommerce.math.Cholesky;
import io.livecommerce.math.SpdInverse;
import io.livecommerce.recommend.BlendWeights;
import io.livecommerce.recommend.EaseTrainer;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.ModelFamily;
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
 * Training the item-to-item model: the Gram matrix from a sparse log (5 users per item, about 20 interactions
 * each, popularity skewed) and its inverse, for 2k, 5k and 10k items, on all cores and on one. {@code inverseOnly}
 * times {@link SpdInverse} alone on the same size; {@code unblockedInverse2k} is the straightforward alternative
 * (unblocked Cholesky, then one solve per column) at 2k items, for the ratio.
 *
 * <p>JMH state; not thread-safe, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class EaseBenchmark {

  @Param({"2000", "5000", "10000"})
  int items;

  @Param({"2", "1"})
  int threads;

  List<Interaction> log;
  double[] gram;
  double[] gram2k;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(7);
    log = new ArrayList<>();
    for (int u = 0; u < items * 5; u++) {
      for (int e = 0; e < 20; e++) {
        log.add(new Interaction("u" + u, "i" + (int) (items * Math.pow(rnd.nextDouble(), 1.5)), 1, e));
      }
    }
    gram = gram(items, rnd);
    gram2k = gram(2000, rnd);
  }

  /** A random Gram matrix XᵀX + λI of the benchmark's density. */
  static double[] gram(int n, Random rnd) {
    double[] g = new double[n * n];
    for (int u = 0; u < n * 5; u++) {
      int[] row = new int[20];
      for (int e = 0; e < row.length; e++) {
        row[e] = rnd.nextInt(n);
      }
      for (int a : row) {
        for (int b : row) {
          g[a * n + b] += 1;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += 25;
    }
    return g;
  }

  @Benchmark
  public ImplicitModel gramAndInverse() {
    return ImplicitRecommender.newBuilder().family(ModelFamily.EASE).weights(BlendWeights.CF_ONLY)
        .ease(EaseTrainer.newBuilder().maxItems(items).threads(threads).build()).build().fit(log);
  }

  @Benchmark
  public double[][] inverseOnly() {
    double[][] a = new double[items][];
    for (int i = 0; i < items; i++) {
      a[i] = java.util.Arrays.copyOfRange(gram, i * items, (i + 1) * items);
    }
    if (!SpdInverse.invertInPlace(a, threads)) {
      throw new IllegalStateException("not positive definite");
    }
    return a;
  }

  @Benchmark
  public double[] unblockedInverse2k() {
    int n = 2000;
    double[] l = gram2k.clone();
    if (!Cholesky.factorInPlace(l, n, 1e-12)) {
      throw new IllegalStateException("not positive definite");
    }
    double[] inv = new double[n * n];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1;
      double[] col = Cholesky.solve(l, n, e);
      e[j] = 0;
      for (int i = 0; i < n; i++) {
        inv[i * n + j] = col[i];
      }
    }
    return inv;
  }
}
