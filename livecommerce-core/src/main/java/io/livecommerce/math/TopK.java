package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.IntPredicate;

/**
 * The {@code k} best of many scores, in O(n log k) time with a bounded heap, never a full sort.
 *
 * <p>Results are ordered by score, highest first; equal scores are ordered by lower index first, so results are
 * deterministic whatever the thread count. Large matrix scans are split across the common fork-join pool (daemon
 * threads, never holding the JVM open).
 *
 * <p>Stateless and thread-safe.
 */
public final class TopK {

  /** Below this many floats a scan runs on the calling thread; splitting costs more than it saves. */
  static final long PARALLEL_THRESHOLD = 1L << 20;

  private TopK() {}

  /**
   * The {@code k} highest entries of {@code scores}.
   *
   * @param scores the scores, finite
   * @param k how many, {@code > 0}; fewer are returned when there are fewer scores
   * @return hits, best first
   * @throws IllegalArgumentException if {@code scores} is null or holds NaN, or {@code k <= 0}
   */
  public static List<Hit> of(float[] scores, int k) {
    Checks.notNull(scores, "scores");
    Checks.positive(k, "k");
    for (int i = 0; i < scores.length; i++) {
      if (Float.isNaN(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] must not be NaN");
      }
    }
    Heap heap = new Heap(Math.min(k, scores.length));
    for (int i = 0; i < scores.length; i++) {
      heap.offer(i, scores[i]);
    }
    return heap.toSortedList();
  }

  /**
   * The {@code k} rows of {@code matrix} with the highest dot product with {@code query}. For unit-length rows and
   * query that is the highest cosine.
   *
   * @throws IllegalArgumentException if {@code query} has the wrong length or a non-finite value, or {@code k <= 0}
   */
  public static List<Hit> search(VectorMatrix matrix, float[] query, int k) {
    return search(matrix, query, k, null);
  }

  /**
   * Like {@link #search(VectorMatrix, float[], int)}, considering only rows for which {@code filter} is true.
   *
   * @param filter rows to consider, or null for all; must be thread-safe, as it may be called from pool threads
   */
  public static List<Hit> search(VectorMatrix matrix, float[] query, int k, IntPredicate filter) {
    Checks.notNull(matrix, "matrix");
    Checks.finite(query, "query");
    Checks.sameLength(query.length, matrix.dimension(), "query", "matrix dimension");
    Checks.positive(k, "k");
    int rows = matrix.rows();
    long work = (long) rows * matrix.dimension();
    int parts = Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, Runtime.getRuntime().availableProcessors());
    if (work < PARALLEL_THRESHOLD || parts < 2 || rows < 2 * parts) {
      return scan(matrix, query, k, filter, 0, rows).toSortedList();
    }
    Scan task = new Scan(matrix, query, k, filter, 0, rows, Math.max(rows / parts, 1));
    return ForkJoinPool.commonPool().invoke(task).toSortedList();
  }

  private static Heap scan(VectorMatrix m, float[] q, int k, IntPredicate filter, int from, int to) {
    float[] data = m.data();
    int dim = m.dimension();
    Heap heap = new Heap(Math.min(k, to - from));
    for (int r = from; r < to; r++) {
      if (filter != null && !filter.test(r)) {
        continue;
      }
      heap.offer(r, Vectors.dot(data, r * dim, q, 0, dim));
    }
    return heap;
  }

  /** Splits the row range in halves until it is small enough, then scans; merges the heaps on the way up. */
  private static final class Scan extends RecursiveTask<Heap> {
    private final VectorMatrix m;
    private final float[] q;
    private final int k;
    private final IntPredicate filter;
    private final int from;
    private final int to;
    private final int grain;

    Scan(VectorMatrix m, float[] q, int k, IntPredicate filter, int from, int to, int grain) {
      this.m = m;
      this.q = q;
      this.k = k;
      this.filter = filter;
      this.from = from;
      this.to = to;
      this.grain = grain;
    }

    @Override
    protected Heap compute() {
      if (to - from <= grain) {
        return scan(m, q, k, filter, from, to);
      }
      int mid = (from + to) >>> 1;
      Scan right = new Scan(m, q, k, filter, mid, to, grain);
      right.fork();
      Heap left = new Scan(m, q, k, filter, from, mid, grain).compute();
      Heap r = right.join();
      Heap merged = new Heap(k);
      left.drainInto(merged);
      r.drainInto(merged);
      return merged;
    }
  }

  /**
   * A bounded min-heap on (score, -index): the root is the worst kept hit, so a new hit replaces it when it is
   * better. Parallel primitive arrays avoid boxing.
   */
  static final class Heap {
    private final int capacity;
    private final int[] idx;
    private final float[] val;
    private int size;

    Heap(int capacity) {
      this.capacity = capacity;
      this.idx = new int[Math.max(capacity, 0)];
      this.val = new float[Math.max(capacity, 0)];
    }

    /** Whether (va, ia) ranks below (vb, ib): lower score, or equal score and higher index. */
    private static boolean worse(float va, int ia, float vb, int ib) {
      return va < vb || (va == vb && ia > ib);
    }

    void offer(int index, float score) {
      if (size < capacity) {
        int i = size++;
        idx[i] = index;
        val[i] = score;
        siftUp(i);
      } else if (capacity > 0 && worse(val[0], idx[0], score, index)) {
        idx[0] = index;
        val[0] = score;
        siftDown(0);
      }
    }

    private void siftUp(int i) {
      int ci = idx[i];
      float cv = val[i];
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!worse(cv, ci, val[p], idx[p])) {
          break;
        }
        idx[i] = idx[p];
        val[i] = val[p];
        i = p;
      }
      idx[i] = ci;
      val[i] = cv;
    }

    private void siftDown(int i) {
      int ci = idx[i];
      float cv = val[i];
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int c = l;
        int r = l + 1;
        if (r < size && worse(val[r], idx[r], val[l], idx[l])) {
          c = r;
        }
        if (!worse(val[c], idx[c], cv, ci)) {
          break;
        }
        idx[i] = idx[c];
        val[i] = val[c];
        i = c;
      }
      idx[i] = ci;
      val[i] = cv;
    }

    void drainInto(Heap other) {
      for (int i = 0; i < size; i++) {
        other.offer(idx[i], val[i]);
      }
    }

    /** Empties the heap into a list, best first. Called once, at the end of a search. */
    List<Hit> toSortedList() {
      Hit[] out = new Hit[size];
      for (int pos = size - 1; pos >= 0; pos--) {
        out[pos] = new Hit(idx[0], val[0]);
        size--;
        if (size > 0) {
          idx[0] = idx[size];
          val[0] = val[size];
          siftDown(0);
        }
      }
      return List.of(out);
    }
  }
}
