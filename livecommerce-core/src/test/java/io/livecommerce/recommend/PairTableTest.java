package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairTableTest {

  static Map<String, float[]> vectors(List<String> ids, Random rnd) {
    Map<String, float[]> out = new HashMap<>();
    for (String id : ids) {
      float[] v = new float[4];
      for (int d = 0; d < 4; d++) {
        v[d] = (float) rnd.nextGaussian();
      }
      out.put(id, v);
    }
    return out;
  }

  @Test
  void aModelFromAPairTableServesAsTheOneFromTheInteractionList() {
    Random rnd = new Random(3);
    List<Interaction> log = new ArrayList<>();
    for (int n = 0; n < 600; n++) {
      log.add(new Interaction("u" + rnd.nextInt(40), "i" + rnd.nextInt(25), rnd.nextInt(4) - 0.5, n));
    }
    // The same pairs, aggregated and grouped by user, in another order than the log.
    Map<String, Map<String, Double>> byUser = new TreeMap<>();
    for (Interaction it : log) {
      byUser.computeIfAbsent(it.user(), u -> new LinkedHashMap<>()).merge(it.item(), it.weight(), Double::sum);
    }
    PairTable.Builder b = PairTable.newBuilder();
    byUser.forEach((u, items) -> items.forEach((i, w) -> b.add(u, i, w)));
    PairTable table = b.build();
    assertEquals(40, table.users());
    ImplicitRecommender r = ImplicitRecommender.newBuilder().confidence(ConfidenceTransform.LOG).build();
    List<String> users = log.stream().map(Interaction::user).distinct().toList();
    List<String> items = log.stream().map(Interaction::item).distinct().toList();
    Map<String, float[]> uf = vectors(users, rnd);
    Map<String, float[]> itf = vectors(items, rnd);
    ImplicitModel fromList = r.fromFactors(log, Map.of(), uf, itf);
    ImplicitModel fromTable = r.fromFactors(table, Map.of(), uf, itf);
    for (String u : users) {
      List<Scored<String>> a = fromList.recommend(u, 25, true);
      List<Scored<String>> c = fromTable.recommend(u, 25, true);
      assertEquals(a.stream().map(Scored::item).toList(), c.stream().map(Scored::item).toList(), u);
      for (int k = 0; k < a.size(); k++) {
        assertEquals(a.get(k).score(), c.get(k).score(), 1e-6, u);
      }
    }
  }

  @Test
  void aRepeatedPairAddsUpAndUsersMustComeTogether() {
    PairTable t = PairTable.newBuilder().add("u1", "a", 1).add("u1", "b", 2).add("u1", "a", 3).add("u2", "b", 1)
        .build();
    assertEquals(3, t.pairs());
    assertEquals(4.0, t.summed[0], 0); // u1's items in index order: a (1 + 3), then b
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairTable.newBuilder()
        .add("u1", "a", 1).add("u2", "a", 1).add("u1", "b", 1));
    assertTrue(e.getMessage().contains("\"u1\"") && e.getMessage().contains("not together"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PairTable.newBuilder().add("u", "i", Double.NaN));
    assertThrows(IllegalStateException.class, () -> PairTable.newBuilder().build());
  }
}
