package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.eval.Split;
import io.livecommerce.eval.Splits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EaseTest {

  static ImplicitRecommender ease(EaseTrainer trainer) {
    return ImplicitRecommender.newBuilder().family(ModelFamily.EASE).ease(trainer).weights(BlendWeights.CF_ONLY)
        .build();
  }

  static int idx(ImplicitModel m, String item) {
    return m.catalogue().indexOf(item);
  }

  @Test
  void aTinyMatrixGivesTheClosedFormWorkedByHand() {
    // X: u1 {A,B}, u2 {B,C}, u3 {A,B,C}; G + I = [[3,2,1],[2,4,2],[1,2,3]], det 16,
    // P = [[8,-4,0],[-4,8,-4],[0,-4,8]] / 16, B_ij = -P_ij / P_jj = [[0,.5,0],[.5,0,.5],[0,.5,0]].
    List<Interaction> log = List.of(new Interaction("u1", "A", 1, 0), new Interaction("u1", "B", 1, 0),
        new Interaction("u2", "B", 1, 0), new Interaction("u2", "C", 1, 0), new Interaction("u3", "A", 1, 0),
        new Interaction("u3", "B", 1, 0), new Interaction("u3", "C", 1, 0));
    ImplicitModel m = ease(EaseTrainer.newBuilder().lambda(1).build()).fit(log);
    double[][] expected = {{0, .5, 0}, {.5, 0, .5}, {0, .5, 0}};
    String[] items = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], m.ease().weight(idx(m, items[i]), idx(m, items[j])), 1e-6,
            items[i] + "->" + items[j]);
      }
    }
    // u1 has A and B: C scores x_A·B_AC + x_B·B_BC = 0 + 0.5.
    List<Scored<String>> recs = m.recommend("u1", 5, true);
    assertEquals(1, recs.size());
    assertEquals("C", recs.get(0).item());
    assertEquals(0.5, recs.get(0).score(), 1e-6);
    assertEquals("because you liked B", recs.get(0).reasons().get(0).text());
  }

  static List<Interaction> randomLog(long seed, int users, int items) {
    Random r = new Random(seed);
    List<Interaction> log = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int n = 2 + r.nextInt(8);
      for (int e = 0; e < n; e++) {
        // Skewed item choice, so item counts differ (and the item limit has a clear order).
        int item = (int) (items * Math.pow(r.nextDouble(), 2));
        log.add(new Interaction("u" + u, "i" + item, 1 + r.nextInt(4), e));
      }
    }
    return log;
  }

  @Test
  void diagonalIsZeroAndScoresMatchADenseComputation() {
    List<Interaction> log = randomLog(3, 120, 40);
    double lambda = 2.5;
    ImplicitModel m = ImplicitRecommender.newBuilder().family(ModelFamily.EASE).confidence(ConfidenceTransform.LOG)
        .ease(EaseTrainer.newBuilder().lambda(lambda).threads(2).build()).weights(BlendWeights.CF_ONLY).build()
        .fit(log);
    int n = m.catalogue().size();
    for (int i = 0; i < n; i++) {
      assertEquals(0f, m.ease().weight(i, i), "B[" + i + "][" + i + "]");
    }
    // Dense: X from the summed weights through log1p, G = XᵀX + λI, P by Gauss-Jordan, B = I - P diag(1/diag P).
    Map<String, Map<String, Double>> summed = new HashMap<>();
    for (Interaction it : log) {
      summed.computeIfAbsent(it.user(), k -> new HashMap<>()).merge(it.item(), it.weight(), Double::sum);
    }
    double[] g = new double[n * n];
    for (Map<String, Double> row : summed.values()) {
      for (Map.Entry<String, Double> a : row.entrySet()) {
        for (Map.Entry<String, Double> b : row.entrySet()) {
          g[idx(m, a.getKey()) * n + idx(m, b.getKey())] += Math.log1p(a.getValue()) * Math.log1p(b.getValue());
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i * n + i] += lambda;
    }
    double[] p = io.livecommerce.math.SpdInverseTestAccess.gaussJordan(g, n);
    for (String user : List.of("u0", "u1", "u7", "u50")) {
      Map<String, Double> row = summed.get(user);
      for (Scored<String> s : m.recommend(user, n, true)) {
        int j = idx(m, s.item());
        double score = 0;
        for (Map.Entry<String, Double> e : row.entrySet()) {
          int i = idx(m, e.getKey());
          score += Math.log1p(e.getValue()) * (-p[i * n + j] / p[j * n + j]);
        }
        assertEquals(score, s.score(), 1e-5, user + " " + s.item());
      }
    }
  }

  @Test
  void savedAndLoadedModelsScoreTheSame(@TempDir Path dir) throws Exception {
    List<Interaction> log = randomLog(5, 80, 30);
    for (ModelFamily family : ModelFamily.values()) {
      ImplicitModel m = ImplicitRecommender.newBuilder().family(family)
          .als(ImplicitAls.newBuilder().factors(4).iterations(3).seed(1).build()).build().fit(log);
      Path file = dir.resolve(family + ".model");
      m.save(file);
      ImplicitModel back = ImplicitModel.load(file, null);
      assertEquals(family, back.family());
      if (family.usesEase()) {
        assertEquals(m.ease(), back.ease());
      }
      for (String u : List.of("u0", "u3", "u9")) {
        assertEquals(m.recommend(u, 10, true), back.recommend(u, 10, true), family + " " + u);
      }
    }
  }

  @Test
  void aCatalogueOverTheLimitCoversTheMostInteractedItemsAndTheBlendRanksTheRest() {
    List<Interaction> log = randomLog(7, 200, 30);
    ImplicitModel blend = ImplicitRecommender.newBuilder().family(ModelFamily.BLEND)
        .ease(EaseTrainer.newBuilder().maxItems(5).build())
        .als(ImplicitAls.newBuilder().factors(4).iterations(5).seed(1).build()).weights(BlendWeights.CF_ONLY)
        .build().fit(log);
    EaseModel e = blend.ease();
    assertEquals(5, e.size());
    Map<String, java.util.Set<String>> byItem = new HashMap<>();
    for (Interaction it : log) {
      byItem.computeIfAbsent(it.item(), k -> new java.util.HashSet<>()).add(it.user());
    }
    List<String> byCount = new ArrayList<>(byItem.keySet());
    byCount.sort((a, b) -> byItem.get(b).size() - byItem.get(a).size());
    int fifth = byItem.get(byCount.get(4)).size();
    for (String item : byItem.keySet()) {
      int i = idx(blend, item);
      boolean covered = false;
      for (int j = 0; j < blend.catalogue().size(); j++) {
        covered |= e.weight(i, j) != 0 || e.weight(j, i) != 0;
      }
      if (byItem.get(item).size() < fifth) {
        assertTrue(!covered, item + " has fewer users than the 5th item but is covered");
      }
    }
    // Uncovered items still get scores from ALS in the blend: some top-20 item is outside EASE's five.
    List<Scored<String>> recs = blend.recommend("u0", 20, true);
    assertTrue(recs.stream().anyMatch(s -> byItem.get(s.item()).size() < fifth), recs.toString());
  }

  @Test
  void onlyTheFamilysPartsAreAvailable() {
    ImplicitModel als = ImplicitRecommender.newBuilder()
        .als(ImplicitAls.newBuilder().factors(2).iterations(1).build()).build().fit(randomLog(1, 20, 10));
    IllegalStateException e = assertThrows(IllegalStateException.class, als::ease);
    assertTrue(e.getMessage().contains("ALS"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> als.withFamily(ModelFamily.EASE));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> EaseTrainer.newBuilder().lambda(-1));
    assertTrue(bad.getMessage().contains("lambda") && bad.getMessage().contains("-1"), bad.getMessage());
  }

  @Test
  void theTunerRespectsAFixedFamilyAndIsDeterministic() {
    TasteWorld world = new TasteWorld(200, 20, 3);
    Split<Interaction> split = Splits.byTime(world.interactions, Interaction::timestampMillis, 0.2);
    ImplicitTuner.Builder t = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(3).seed(2);
    ImplicitTuner.Result ease = t.family(ModelFamily.EASE).build().tune(split.train(), world.itemTexts);
    assertEquals(ModelFamily.EASE, ease.best().family());
    assertEquals(ModelFamily.EASE, ease.model().family());
    assertTrue(ease.describe().startsWith("family=ease,"), ease.describe());
    ImplicitTuner.Result auto1 = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(3)
        .seed(2).build().tune(split.train(), world.itemTexts);
    ImplicitTuner.Result auto2 = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(3)
        .seed(2).build().tune(split.train(), world.itemTexts);
    assertEquals(auto1.best(), auto2.best());
    List<Reason> reasons = auto1.model().recommend("u1", 3, true).get(0).reasons();
    assertTrue(!reasons.isEmpty());
  }

  @Test
  void aFitThatCannotHaveTheHeapFailsBeforeItStartsAndSaysWhy() {
    EaseTrainer.requireHeap(8000, 2L << 30);
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> EaseTrainer.requireHeap(8000, 512L << 20));
    assertTrue(e.getMessage().contains("8,000 items") && e.getMessage().contains("976 MB")
        && e.getMessage().contains("512 MB") && e.getMessage().contains("-Xmx"), e.getMessage());
  }
}
