package io.livecommerce.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregated interactions as a sparse matrix, stored both by user (CSR) and by item (CSC) for the two halves of an
 * ALS sweep. Ids are indexed in order of first appearance. Immutable once built; package-private.
 */
final class InteractionMatrix {
  final List<String> userIds;
  final List<String> itemIds;
  final Map<String, Integer> userIndex;
  final Map<String, Integer> itemIndex;
  // By user.
  final int[] userPtr;
  final int[] userItems;
  final float[] userExtra; // alpha * |weight|: confidence minus one
  final boolean[] userPref;
  // By item.
  final int[] itemPtr;
  final int[] itemUsers;
  final float[] itemExtra;
  final boolean[] itemPref;
  // Summed weight per entry (by user), for content profiles and explanations.
  final float[] userWeight;

  private InteractionMatrix(List<String> userIds, List<String> itemIds, Map<String, Integer> userIndex,
      Map<String, Integer> itemIndex, int[] userPtr, int[] userItems, float[] userWeight, double alpha) {
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.userIndex = userIndex;
    this.itemIndex = itemIndex;
    this.userPtr = userPtr;
    this.userItems = userItems;
    this.userWeight = userWeight;
    int nnz = userItems.length;
    this.userExtra = new float[nnz];
    this.userPref = new boolean[nnz];
    for (int e = 0; e < nnz; e++) {
      userExtra[e] = (float) (alpha * Math.abs(userWeight[e]));
      userPref[e] = userWeight[e] > 0;
    }
    int items = itemIds.size();
    itemPtr = new int[items + 1];
    for (int e = 0; e < nnz; e++) {
      itemPtr[userItems[e] + 1]++;
    }
    for (int i = 0; i < items; i++) {
      itemPtr[i + 1] += itemPtr[i];
    }
    itemUsers = new int[nnz];
    itemExtra = new float[nnz];
    itemPref = new boolean[nnz];
    int[] fill = itemPtr.clone();
    for (int u = 0; u < userIds.size(); u++) {
      for (int e = userPtr[u]; e < userPtr[u + 1]; e++) {
        int pos = fill[userItems[e]]++;
        itemUsers[pos] = u;
        itemExtra[pos] = userExtra[e];
        itemPref[pos] = userPref[e];
      }
    }
  }

  int users() {
    return userIds.size();
  }

  int items() {
    return itemIds.size();
  }

  int nonZeros() {
    return userItems.length;
  }

  /** The pairs of a table, each summed weight passed through {@code transform}. */
  static InteractionMatrix of(PairTable t, double alpha, ConfidenceTransform transform) {
    Map<String, Integer> userIndex = new HashMap<>();
    for (int u = 0; u < t.users.size(); u++) {
      userIndex.put(t.users.get(u), u);
    }
    Map<String, Integer> itemIndex = new HashMap<>();
    for (int i = 0; i < t.items.size(); i++) {
      itemIndex.put(t.items.get(i), i);
    }
    float[] w = new float[t.cols.length];
    for (int e = 0; e < w.length; e++) {
      w[e] = (float) transform.apply(t.summed[e]);
    }
    return new InteractionMatrix(t.users, t.items, Map.copyOf(userIndex), Map.copyOf(itemIndex), t.ptr, t.cols, w,
        alpha);
  }

  /** Sums the weight of each (user, item) pair; {@code weightOf} may decay by time. */
  static InteractionMatrix of(List<Interaction> interactions, double alpha,
      java.util.function.ToDoubleFunction<Interaction> weightOf) {
    return of(interactions, alpha, weightOf, ConfidenceTransform.LINEAR);
  }

  /** As above, with each pair's summed weight passed through {@code transform}. */
  static InteractionMatrix of(List<Interaction> interactions, double alpha,
      java.util.function.ToDoubleFunction<Interaction> weightOf, ConfidenceTransform transform) {
    Map<String, Integer> userIndex = new HashMap<>();
    Map<String, Integer> itemIndex = new HashMap<>();
    List<String> users = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<LinkedHashMap<Integer, Double>> rows = new ArrayList<>();
    for (Interaction it : interactions) {
      int u = userIndex.computeIfAbsent(it.user(), k -> {
        users.add(k);
        rows.add(new LinkedHashMap<>());
        return users.size() - 1;
      });
      int i = itemIndex.computeIfAbsent(it.item(), k -> {
        items.add(k);
        return items.size() - 1;
      });
      rows.get(u).merge(i, weightOf.applyAsDouble(it), Double::sum);
    }
    int[] ptr = new int[users.size() + 1];
    for (int u = 0; u < users.size(); u++) {
      ptr[u + 1] = ptr[u] + rows.get(u).size();
    }
    int[] cols = new int[ptr[users.size()]];
    float[] w = new float[cols.length];
    for (int u = 0; u < users.size(); u++) {
      int e = ptr[u];
      // Sorted columns make the matrix, and so training, independent of input order within a user.
      List<Map.Entry<Integer, Double>> entries = new ArrayList<>(rows.get(u).entrySet());
      entries.sort(Map.Entry.comparingByKey());
      for (Map.Entry<Integer, Double> en : entries) {
        cols[e] = en.getKey();
        w[e] = (float) transform.apply(en.getValue());
        e++;
      }
    }
    return new InteractionMatrix(List.copyOf(users), List.copyOf(items), Map.copyOf(userIndex),
        Map.copyOf(itemIndex), ptr, cols, w, alpha);
  }
}
