package io.livecommerce.recommend;

import io.livecommerce.eval.RankingMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The tuner's held-out part of the training data and the rest: per user, the last fifth of their distinct items when
 * their timestamps vary, else a seeded random fifth. Immutable after construction; package-private.
 */
final class ValidationSplit {
  final List<Interaction> train;
  final Map<String, Set<String>> relevant;
  final int catalog;
  private final List<String> usersByName; // the held-out users, sorted once: every scoring pass walks them in order

  private ValidationSplit(List<Interaction> train, Map<String, Set<String>> relevant, int catalog) {
    this.train = train;
    this.relevant = relevant;
    this.catalog = catalog;
    this.usersByName = relevant.keySet().stream().sorted().toList();
  }

  /**
   * Per user, the last fifth of their distinct items (by first time seen) when their timestamps vary, else a
   * seeded random fifth; users with fewer than 3 items stay whole in training.
   */
  static ValidationSplit of(List<Interaction> log, long seed, int maxUsers) {
    Map<String, LinkedHashMap<String, Long>> firstSeen = new LinkedHashMap<>();
    Set<String> items = new HashSet<>();
    for (Interaction it : log) {
      firstSeen.computeIfAbsent(it.user(), u -> new LinkedHashMap<>())
          .merge(it.item(), it.timestampMillis(), Math::min);
      items.add(it.item());
    }
    List<String> users = new ArrayList<>(firstSeen.keySet());
    Collections.sort(users);
    Random rnd = new Random(seed);
    Collections.shuffle(users, rnd);
    Set<String> sampled = new HashSet<>(users.subList(0, Math.min(maxUsers, users.size())));
    Map<String, Set<String>> held = new HashMap<>();
    for (String u : users) {
      if (!sampled.contains(u)) {
        continue;
      }
      List<Map.Entry<String, Long>> e = new ArrayList<>(firstSeen.get(u).entrySet());
      if (e.size() < 3) {
        continue;
      }
      e.sort(Map.Entry.comparingByKey()); // a fixed order before shuffling or sorting by time
      boolean timed = e.stream().map(Map.Entry::getValue).distinct().count() > 1;
      if (timed) {
        e.sort(Map.Entry.comparingByValue());
      } else {
        Collections.shuffle(e, rnd);
      }
      int n = Math.max(1, e.size() / 5);
      Set<String> out = new HashSet<>();
      for (Map.Entry<String, Long> x : e.subList(e.size() - n, e.size())) {
        out.add(x.getKey());
      }
      held.put(u, out);
    }
    List<Interaction> train = new ArrayList<>();
    Map<String, Set<String>> relevant = new HashMap<>();
    for (Interaction it : log) {
      Set<String> h = held.get(it.user());
      if (h != null && h.contains(it.item())) {
        if (it.weight() > 0) {
          relevant.computeIfAbsent(it.user(), x -> new HashSet<>()).add(it.item());
        }
      } else {
        train.add(it);
      }
    }
    return relevant.isEmpty() ? null : new ValidationSplit(train, relevant, items.size());
  }

  double ndcg(ImplicitModel m, int k) {
    return ndcg(m, k, List.of(m.weights))[0];
  }

  /**
   * Mean NDCG@k over the held-out users under each blend of {@code mixes}, each user's signals computed once; users
   * on all cores, summed in a fixed order so the result does not depend on the thread count.
   */
  double[] ndcg(ImplicitModel m, int k, List<BlendWeights> mixes) {
    return ndcg(m, k, mixes, relevant.size());
  }

  /** How many users {@link #ndcg} averages over. */
  int users() {
    return relevant.size();
  }

  /** As {@link #ndcg(ImplicitModel, int, List)} over the first {@code maxUsers} held-out users in name order. */
  double[] ndcg(ImplicitModel m, int k, List<BlendWeights> mixes, int maxUsers) {
    List<String> users = usersByName.subList(0, Math.min(maxUsers, usersByName.size()));
    double[][] per = new double[users.size()][];
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
        Runtime.getRuntime().availableProcessors());
    try {
      pool.submit(() -> java.util.stream.IntStream.range(0, users.size()).parallel().forEach(i -> {
        String user = users.get(i);
        int u = m.userIndexOf(user);
        double[] scores = new double[mixes.size()];
        if (u >= 0) {
          int[][] top = m.topIndexes(u, k, mixes);
          for (int w = 0; w < mixes.size(); w++) {
            List<String> ranked = new ArrayList<>(top[w].length);
            for (int idx : top[w]) {
              ranked.add(m.catalogue.get(idx));
            }
            scores[w] = RankingMetrics.ndcgAtK(ranked, relevant.get(user), k);
          }
        }
        per[i] = scores;
      })).join();
    } finally {
      pool.shutdown();
    }
    double[] mean = new double[mixes.size()];
    for (double[] p : per) {
      for (int w = 0; w < mean.length; w++) {
        mean[w] += p[w];
      }
    }
    for (int w = 0; w < mean.length; w++) {
      mean[w] /= Math.max(1, users.size());
    }
    return mean;
  }
}
