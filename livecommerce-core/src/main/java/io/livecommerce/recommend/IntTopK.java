package io.livecommerce.recommend;

/**
 * The {@code capacity} best (id, score) pairs offered: a min-heap on two plain arrays, ties going to the smaller id,
 * so a request allocates two arrays and no objects. Used for the best anchors of a request and for the graph
 * search's beam. Not thread-safe: one per request.
 */
final class IntTopK {
  private final int[] ids;
  private final float[] scores;
  private int size;

  IntTopK(int capacity) {
    ids = new int[capacity];
    scores = new float[capacity];
  }

  /** Offers a pair; returns whether it was kept. */
  boolean offer(int id, float score) {
    if (size < ids.length) {
      int i = size++;
      ids[i] = id;
      scores[i] = score;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!lower(i, p)) {
          break;
        }
        swap(i, p);
        i = p;
      }
      return true;
    }
    if (ids.length == 0 || score < scores[0] || (score == scores[0] && id > ids[0])) {
      return false;
    }
    ids[0] = id;
    scores[0] = score;
    siftDown(0);
    return true;
  }

  int size() {
    return size;
  }

  boolean full() {
    return size == ids.length;
  }

  /** The worst score kept; only meaningful when {@link #size} is positive. */
  float worst() {
    return scores[0];
  }

  /** The {@code i}-th id held, in heap order. */
  int id(int i) {
    return ids[i];
  }

  /** The {@code i}-th score held, in heap order. */
  float score(int i) {
    return scores[i];
  }

  /** Empties the heap into the ids, best first. */
  int[] drainBestFirst() {
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = ids[0];
      size--;
      ids[0] = ids[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    return out;
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int c = l + 1 < size && lower(l + 1, l) ? l + 1 : l;
      if (!lower(c, i)) {
        return;
      }
      swap(i, c);
      i = c;
    }
  }

  /** Whether slot a ranks below slot b: a lower score, or an equal score and a larger id. */
  private boolean lower(int a, int b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
  }

  private void swap(int a, int b) {
    int t = ids[a];
    ids[a] = ids[b];
    ids[b] = t;
    float f = scores[a];
    scores[a] = scores[b];
    scores[b] = f;
  }
}
