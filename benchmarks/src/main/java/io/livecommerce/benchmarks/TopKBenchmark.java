package io.livecommerce.benchmarks;

import io.livecommerce.math.Hit;
import io.livecommerce.math.TopK;
import io.livecommerce.math.VectorMatrix;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * Top-k over 100,000 vectors of 512 dimensions (205 MB of floats): our bounded-heap search beside a naive
 * score-then-sort with streams, and beside plain sums over the same bytes, which bound what any scan can do
 * (the memory-bandwidth ceiling), on one thread and on all cores.
 *
 * <p>JMH state; not thread-safe, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class TopKBenchmark {

  @Param({"100000"})
  int rows;

  @Param({"512"})
  int dim;

  @Param({"10"})
  int k;

  VectorMatrix matrix;
  float[] flat;
  float[] query;

  @Setup(Level.Trial)
  public void setUp() {
    Random rnd = new Random(1);
    flat = new float[rows * dim];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = (float) rnd.nextGaussian();
    }
    matrix = VectorMatrix.ofFlat(flat, dim);
    query = new float[dim];
    for (int j = 0; j < dim; j++) {
      query[j] = (float) rnd.nextGaussian();
    }
  }

  @Benchmark
  public List<Hit> topK() {
    return TopK.search(matrix, query, k);
  }

  @Benchmark
  public List<Hit> naiveStreamSort() {
    return IntStream.range(0, rows)
        .mapToObj(r -> new Hit(r, matrix.dot(r, query)))
        .sorted(Comparator.comparingDouble((Hit h) -> -h.score()))
        .limit(k)
        .toList();
  }

  @Benchmark
  public float bandwidthCeilingOneThread() {
    return sum(flat, 0, flat.length);
  }

  @Benchmark
  public float bandwidthCeilingAllCores() {
    int parts = Math.max(1, Runtime.getRuntime().availableProcessors());
    int chunk = (flat.length + parts - 1) / parts;
    return ForkJoinPool.commonPool().submit(() -> IntStream.range(0, parts).parallel()
        .mapToDouble(p -> sum(flat, p * chunk, Math.min(flat.length, (p + 1) * chunk)))
        .sum()).join().floatValue();
  }

  private static float sum(float[] a, int from, int to) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
      s4 += a[i + 4];
      s5 += a[i + 5];
      s6 += a[i + 6];
      s7 += a[i + 7];
    }
    for (; i < to; i++) {
      s0 += a[i];
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  }
}
