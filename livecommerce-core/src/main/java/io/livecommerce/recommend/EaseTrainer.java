package io.livecommerce.recommend;

import io.livecommerce.internal.Checks;
import io.livecommerce.math.SpdInverse;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the item-to-item model EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): with
 * {@code X} the user x item matrix of interaction strengths, {@code G = XᵀX + λI}, {@code P = G⁻¹}, the item weights
 * are {@code B = I - P·diag(1/diag(P))}, whose diagonal is zero, and a user's scores are {@code x_u·B}.
 *
 * <p>Only positive strengths enter {@code X}; a pair whose summed weight is zero or negative is a non-preference and
 * adds nothing. The strength is the pair's summed weight after the recommender's {@link ConfidenceTransform}
 * (with {@link ConfidenceTransform#BINARY} every pair counts 1, as in the paper).
 *
 * <p>Size: the model is dense in the items it covers. Items beyond {@link Builder#maxItems} (the least-interacted
 * ones) are left out of {@code B}; they get no item-to-item score and are ranked by the other signals of the
 * recommender (ALS when blended, content, popularity). Training holds two {@code 8m²}-byte matrices for {@code m}
 * covered items and keeps {@code 4m²} bytes: the default 8,000 items need about 1 GB of heap while training and
 * 256 MB after; 4,000 items about 260 MB and 64 MB; 10,000 items about 1.6 GB and 400 MB. A fit that cannot have
 * that much heap fails before it starts, naming the figures. Time grows as {@code m³}: on 2 cores about 2.5 s at
 * 4,000 items and 19 s at 8,000 for the inverse (see the benchmarks module).
 *
 * <p>Deterministic; immutable and thread-safe: {@code fit} may run concurrently, each call with its own daemon pool.
 */
public final class EaseTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(EaseTrainer.class);

  /** The default λ as a multiple of the mean diagonal of {@code XᵀX} (an item's summed squared strength). */
  public static final double DEFAULT_RELATIVE_LAMBDA = 0.25;
  /** The most items covered by default. */
  public static final int DEFAULT_MAX_ITEMS = 8000;

  private final double lambda;
  private final double relativeLambda;
  private final int maxItems;
  private final int threads;

  private EaseTrainer(Builder b) {
    this.lambda = b.lambda;
    this.relativeLambda = b.relativeLambda;
    this.maxItems = b.maxItems;
    this.threads = b.threads;
  }

  /** A builder: λ = 0.25 x the mean diagonal of XᵀX, at most 8,000 items, all cores. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The fixed λ, or NaN when λ is relative to the data ({@link #relativeLambda}). */
  public double lambda() {
    return lambda;
  }

  /** λ as a multiple of the mean diagonal of XᵀX, or NaN when λ is fixed. */
  public double relativeLambda() {
    return relativeLambda;
  }

  /** The most items the model covers. */
  public int maxItems() {
    return maxItems;
  }

  /** The settings as {@code key=value} pairs. */
  public String describe() {
    return Double.isNaN(lambda)
        ? String.format(Locale.ROOT, "easeLambda=%sxmeanDiag", ImplicitTuner.plain(relativeLambda))
        : String.format(Locale.ROOT, "easeLambda=%s", ImplicitTuner.plain(lambda));
  }

  @Override
  public String toString() {
    return "EaseTrainer{" + describe() + ", maxItems=" + maxItems + ", threads=" + threads + "}";
  }

  /**
   * Trains on the matrix's positive strengths.
   *
   * @throws IllegalStateException if {@code G} is not positive definite in double precision (λ far too small)
   * @throws OutOfMemoryError before training, when the covered items need more than the JVM's maximum heap
   */
  EaseModel fit(InteractionMatrix m) {
    long t0 = System.nanoTime();
    int items = m.items();
    // Users per item (positive pairs only); the most-interacted items are covered.
    int[] count = new int[items];
    for (int e = 0; e < m.nonZeros(); e++) {
      if (m.userWeight[e] > 0) {
        count[m.userItems[e]]++;
      }
    }
    Integer[] order = IntStream.range(0, items).filter(i -> count[i] > 0).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
    int size = Math.min(maxItems, order.length);
    int[] covered = new int[size];
    int[] slot = new int[items];
    Arrays.fill(slot, -1);
    for (int s = 0; s < size; s++) {
      covered[s] = order[s];
      slot[order[s]] = s;
    }
    if (size < order.length) {
      LOG.info("EASE covers the {} most-interacted of {} items (maxItems); the rest are ranked by other signals",
          size, order.length);
    }
    // Users' covered entries as (slot, strength) rows, and the same by slot.
    int users = m.users();
    int[] ptr = new int[users + 1];
    for (int u = 0; u < users; u++) {
      int c = 0;
      for (int e = m.userPtr[u]; e < m.userPtr[u + 1]; e++) {
        if (m.userWeight[e] > 0 && slot[m.userItems[e]] >= 0) {
          c++;
        }
      }
      ptr[u + 1] = ptr[u] + c;
    }
    int[] cols = new int[ptr[users]];
    double[] vals = new double[ptr[users]];
    int[] slotPtr = new int[size + 1];
    for (int u = 0, p = 0; u < users; u++) {
      for (int e = m.userPtr[u]; e < m.userPtr[u + 1]; e++) {
        int s = m.userWeight[e] > 0 ? slot[m.userItems[e]] : -1;
        if (s >= 0) {
          cols[p] = s;
          vals[p++] = m.userWeight[e];
          slotPtr[s + 1]++;
        }
      }
    }
    for (int s = 0; s < size; s++) {
      slotPtr[s + 1] += slotPtr[s];
    }
    int[] slotUsers = new int[cols.length];
    double[] slotVals = new double[cols.length];
    int[] fill = slotPtr.clone();
    for (int u = 0; u < users; u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        int q = fill[cols[p]]++;
        slotUsers[q] = u;
        slotVals[q] = vals[p];
      }
    }
    // G's lower triangle, one row per task: row s sums x_us · x_u over the users of item s.
    requireHeap(size, Runtime.getRuntime().maxMemory());
    double[][] g = new double[size][size];
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, size).parallel().forEach(s -> {
        double[] row = g[s];
        for (int q = slotPtr[s]; q < slotPtr[s + 1]; q++) {
          int u = slotUsers[q];
          double x = slotVals[q];
          for (int p = ptr[u]; p < ptr[u + 1]; p++) {
            if (cols[p] <= s) {
              row[cols[p]] += x * vals[p];
            }
          }
        }
      })).join();
    } finally {
      pool.shutdown();
    }
    double meanDiag = 0;
    for (int s = 0; s < size; s++) {
      meanDiag += g[s][s];
    }
    meanDiag /= Math.max(1, size);
    double l = Double.isNaN(lambda) ? relativeLambda * meanDiag : lambda;
    for (int s = 0; s < size; s++) {
      g[s][s] += l;
    }
    long t1 = System.nanoTime();
    if (!SpdInverse.invertInPlace(g, threads)) {
      throw new IllegalStateException("XᵀX + λI is not positive definite for λ=" + l + "; use a larger λ");
    }
    long t2 = System.nanoTime();
    double[] diag = new double[size];
    for (int j = 0; j < size; j++) {
      diag[j] = g[j][j];
    }
    float[] b = new float[size * size];
    for (int i = 0; i < size; i++) {
      double[] gi = g[i];
      g[i] = null; // lets the collector take the inverse row by row while B fills
      for (int j = 0; j < size; j++) {
        if (i != j) {
          b[i * size + j] = (float) (-gi[j] / diag[j]);
        }
      }
    }
    LOG.debug("EASE trained: {} items, λ={}; Gram {} ms, inverse {} ms, B {} ms", size, l, (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    return new EaseModel(covered, b, l, t2 - t1);
  }

  /**
   * Fails before allocating when training over {@code size} items needs more than the JVM's maximum heap, with an
   * {@link OutOfMemoryError} that names the figures (one thrown halfway through a fit would say less, later).
   */
  static void requireHeap(int size, long maxHeapBytes) {
    long needed = 16L * size * size;
    if (needed > maxHeapBytes) {
      throw new OutOfMemoryError(String.format(Locale.ROOT, "EASE over %,d items needs about %,d MB of heap "
          + "while training but the JVM may use at most %,d MB: raise -Xmx or lower maxItems (--ease-max-items)", size,
          needed >> 20, maxHeapBytes >> 20));
    }
  }

  /** Builds an {@link EaseTrainer}; fails fast on invalid values. Not thread-safe. */
  public static final class Builder {
    private double lambda = Double.NaN;
    private double relativeLambda = DEFAULT_RELATIVE_LAMBDA;
    private int maxItems = DEFAULT_MAX_ITEMS;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /** A fixed λ, {@code > 0}; replaces the relative λ. */
    public Builder lambda(double lambda) {
      this.lambda = Checks.positive(lambda, "lambda");
      this.relativeLambda = Double.NaN;
      return this;
    }

    /** λ as a multiple ({@code > 0}) of the mean diagonal of XᵀX, so it scales with the data; replaces a fixed λ. */
    public Builder relativeLambda(double multiple) {
      this.relativeLambda = Checks.positive(multiple, "relativeLambda");
      this.lambda = Double.NaN;
      return this;
    }

    /** The most items covered, in [1, 20,000]; default {@value EaseTrainer#DEFAULT_MAX_ITEMS}. */
    public Builder maxItems(int maxItems) {
      this.maxItems = Checks.inRange(maxItems, 1, 20_000, "maxItems");
      return this;
    }

    /** Worker threads, {@code >= 1}; default all cores. */
    public Builder threads(int threads) {
      this.threads = Checks.positive(threads, "threads");
      return this;
    }

    /** Builds the trainer. */
    public EaseTrainer build() {
      return new EaseTrainer(this);
    }
  }
}
