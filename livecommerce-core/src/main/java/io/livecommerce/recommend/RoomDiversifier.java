package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the best rooms while no anchor and no category fills more than its cap, so a viewer's list is not one
 * anchor's rooms or one category. Immutable and thread-safe.
 *
 * <p>The candidates are heapified in linear time and popped best first until {@code k} fit the caps, so a list
 * where one anchor or category holds the top hundreds costs {@code O(n + popped · log n)}, never a full sort.
 *
 * @param maxPerAnchor rooms per anchor at most; 0 for no cap
 * @param maxPerCategory rooms per category at most; 0 for no cap (rooms without a category are never capped)
 */
record RoomDiversifier(int maxPerAnchor, int maxPerCategory) {

  /**
   * Indexes into {@code rooms} (the first {@code n}), best first by {@code score} (ties: smaller room id first), at
   * most {@code k}, within the caps.
   */
  int[] pick(LiveRoom[] rooms, float[] score, int n, int k) {
    int[] heap = new int[n];
    for (int i = 0; i < n; i++) {
      heap[i] = i;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(heap, n, i, score, rooms);
    }
    int[] out = new int[Math.min(k, n)];
    int picked = 0;
    Map<String, Integer> perAnchor = maxPerAnchor > 0 ? new HashMap<>() : null;
    Map<String, Integer> perCategory = maxPerCategory > 0 ? new HashMap<>() : null;
    int size = n;
    while (size > 0 && picked < out.length) {
      int c = heap[0];
      heap[0] = heap[--size];
      siftDown(heap, size, 0, score, rooms);
      LiveRoom r = rooms[c];
      if (perAnchor != null && perAnchor.getOrDefault(r.anchorId(), 0) >= maxPerAnchor) {
        continue;
      }
      if (perCategory != null && !r.category().isEmpty()
          && perCategory.getOrDefault(r.category(), 0) >= maxPerCategory) {
        continue;
      }
      if (perAnchor != null) {
        perAnchor.merge(r.anchorId(), 1, Integer::sum);
      }
      if (perCategory != null) {
        perCategory.merge(r.category(), 1, Integer::sum);
      }
      out[picked++] = c;
    }
    return picked == out.length ? out : java.util.Arrays.copyOf(out, picked);
  }

  /** Higher score first; on a tie the smaller room id, so the order never depends on how candidates arrived. */
  private static boolean better(int a, int b, float[] score, LiveRoom[] rooms) {
    return score[a] > score[b] || (score[a] == score[b] && rooms[a].id().compareTo(rooms[b].id()) < 0);
  }

  private static void siftDown(int[] heap, int size, int i, float[] score, LiveRoom[] rooms) {
    int x = heap[i];
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int c = l + 1 < size && better(heap[l + 1], heap[l], score, rooms) ? l + 1 : l;
      if (!better(heap[c], x, score, rooms)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  }
}
