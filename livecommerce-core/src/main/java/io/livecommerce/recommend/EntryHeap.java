package io.livecommerce.recommend;

/**
 * The {@code capacity} best (entry, score) pairs seen: a min-heap on score, ties broken towards the entry offered
 * first. Not thread-safe: one per request.
 */
final class EntryHeap {
  private final RoomEntry[] entries;
  private final float[] scores;
  private final long[] order;
  private int size;
  private long offered;

  EntryHeap(int capacity) {
    entries = new RoomEntry[capacity];
    scores = new float[capacity];
    order = new long[capacity];
  }

  void offer(RoomEntry e, float score) {
    long o = offered++;
    if (size < entries.length) {
      int i = size++;
      entries[i] = e;
      scores[i] = score;
      order[i] = o;
      up(i);
    } else if (entries.length > 0 && worse(scores[0], order[0], score, o)) {
      entries[0] = e;
      scores[0] = score;
      order[0] = o;
      down(0);
    }
  }

  int size() {
    return size;
  }

  RoomEntry entry(int i) {
    return entries[i];
  }

  /** The entries held, in no order. */
  RoomEntry[] toArray() {
    return java.util.Arrays.copyOf(entries, size);
  }

  private static boolean worse(float sa, long oa, float sb, long ob) {
    return sa < sb || (sa == sb && oa > ob);
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!worse(scores[i], order[i], scores[p], order[p])) {
        break;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int c = l + 1 < size && worse(scores[l + 1], order[l + 1], scores[l], order[l]) ? l + 1 : l;
      if (!worse(scores[c], order[c], scores[i], order[i])) {
        return;
      }
      swap(i, c);
      i = c;
    }
  }

  private void swap(int a, int b) {
    RoomEntry e = entries[a];
    entries[a] = entries[b];
    entries[b] = e;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long o = order[a];
    order[a] = order[b];
    order[b] = o;
  }
}
