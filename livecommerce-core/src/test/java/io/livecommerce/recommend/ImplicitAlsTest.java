package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

  @Test
  void blockStructureFactorizesAsExpected() {
    // Users a0, a1 like items x0, x1; users b0, b1 like items y0, y1. Nothing crosses the blocks.
    List<Interaction> log = new ArrayList<>();
    for (String u : List.of("a0", "a1")) {
      for (String i : List.of("x0", "x1")) {
        log.add(new Interaction(u, i, 3, 0));
      }
    }
    for (String u : List.of("b0", "b1")) {
      for (String i : List.of("y0", "y1")) {
        log.add(new Interaction(u, i, 3, 0));
      }
    }
    AlsModel m = ImplicitAls.newBuilder().factors(2).iterations(30).regularization(0.01).alpha(10).seed(1)
        .build().fit(log, ProgressListener.NONE);
    int a0 = m.userIndex("a0").orElseThrow();
    int x1 = m.itemIndex("x1").orElseThrow();
    int y0 = m.itemIndex("y0").orElseThrow();
    assertTrue(m.score(a0, x1) > 0.8, "in-block affinity " + m.score(a0, x1));
    assertTrue(Math.abs(m.score(a0, y0)) < 0.1, "cross-block affinity " + m.score(a0, y0));
  }

  @Test
  void conjugateGradientApproachesTheExactSolveAndAContinuedFitEqualsALongerOne() {
    TasteWorld w = new TasteWorld(200, 25, 3);
    ImplicitAls.Builder b = ImplicitAls.newBuilder().factors(8).regularization(0.1).alpha(1).seed(4).threads(1);
    AlsModel exact = b.cgSteps(0).iterations(15).build().fit(w.interactions, ProgressListener.NONE);
    AlsModel cg = b.cgSteps(3).iterations(15).build().fit(w.interactions, ProgressListener.NONE);
    double[] le = exact.lossHistory();
    double[] lc = cg.lossHistory();
    // CG's loss never rises and ends within 2% of the exact solve's (CG did run: the losses differ).
    assertTrue(lc[lc.length - 1] != le[le.length - 1], "the CG path ran");
    for (int i = 1; i < lc.length; i++) {
      assertTrue(lc[i] <= lc[i - 1] * (1 + 1e-9), "iteration " + i + ": " + lc[i - 1] + " -> " + lc[i]);
    }
    assertTrue(lc[lc.length - 1] <= le[le.length - 1] * 1.02, lc[lc.length - 1] + " vs exact " + le[le.length - 1]);
    // Continuing 5 + 10 sweeps gives what 15 sweeps give.
    InteractionMatrix m = InteractionMatrix.of(w.interactions, 1, Interaction::weight);
    AlsModel five = b.iterations(5).build().fit(m, ProgressListener.NONE);
    AlsModel on = b.iterations(10).build().fit(m, ProgressListener.NONE, five);
    assertEquals(b.iterations(15).build().fit(m, ProgressListener.NONE), on);
    assertEquals(15, on.lossHistory().length);
    assertThrows(IllegalArgumentException.class, () -> b.factors(4).build().fit(m, ProgressListener.NONE, five));
    assertThrows(IllegalArgumentException.class, () -> ImplicitAls.newBuilder().cgSteps(-1));
  }

  @Test
  void rowsTooIllConditionedForAFewStepsAreSolvedExactly() {
    // Heavy-tailed weights (1 to 100,000, like flight counts) under linear confidence: a few CG steps alone stall.
    java.util.Random rnd = new java.util.Random(2);
    List<Interaction> log = new ArrayList<>();
    for (int u = 0; u < 120; u++) {
      for (int j = 0; j < 12; j++) {
        log.add(new Interaction("u" + u, "i" + ((u * 7 + j * j + rnd.nextInt(5)) % 90),
            Math.floor(Math.pow(10, 5 * rnd.nextDouble())), 0));
      }
    }
    ImplicitAls.Builder b = ImplicitAls.newBuilder().factors(16).iterations(10).regularization(0.1).alpha(5).seed(3)
        .threads(1);
    double[] exact = b.cgSteps(0).build().fit(log, ProgressListener.NONE).lossHistory();
    double[] cg = b.cgSteps(3).build().fit(log, ProgressListener.NONE).lossHistory();
    assertTrue(cg[cg.length - 1] <= exact[exact.length - 1] * 1.02, cg[cg.length - 1] + " vs exact "
        + exact[exact.length - 1]);
  }

  @Test
  void lossNeverIncreasesAndTrainingIsDeterministicWhateverTheThreadCount() {
    TasteWorld w = new TasteWorld(200, 25, 3);
    ImplicitAls.Builder b = ImplicitAls.newBuilder().factors(16).iterations(8).seed(9);
    AlsModel one = b.threads(1).build().fit(w.interactions, ProgressListener.NONE);
    AlsModel again = b.threads(1).build().fit(w.interactions, ProgressListener.NONE);
    AlsModel two = b.threads(2).build().fit(w.interactions, ProgressListener.NONE);
    assertEquals(one, again);
    assertEquals(one, two);
    double[] loss = one.lossHistory();
    assertEquals(8, loss.length);
    for (int i = 1; i < loss.length; i++) {
      assertTrue(loss[i] <= loss[i - 1] * (1 + 1e-9), "loss rose at iteration " + i + ": " + loss[i - 1]
          + " -> " + loss[i]);
    }
    assertTrue(loss[loss.length - 1] < loss[0], "loss fell overall");
    AlsModel otherSeed = b.seed(10).build().fit(w.interactions, ProgressListener.NONE);
    assertTrue(!one.equals(otherSeed), "the seed matters");
  }

  @Test
  void progressCountsIterations() {
    List<long[]> calls = new ArrayList<>();
    ImplicitAls.newBuilder().iterations(3).build()
        .fit(List.of(new Interaction("u", "i", 1, 0)), (d, t) -> calls.add(new long[] {d, t}));
    assertEquals(3, calls.size());
    assertEquals(3, calls.get(2)[0]);
  }

  @Test
  void badInput() {
    assertThrows(IllegalArgumentException.class,
        () -> ImplicitAls.newBuilder().build().fit(List.of(), ProgressListener.NONE));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImplicitAls.newBuilder().factors(0));
    assertTrue(e.getMessage().contains("factors"));
    assertThrows(IllegalArgumentException.class, () -> ImplicitAls.newBuilder().regularization(0));
    e = assertThrows(IllegalArgumentException.class, () -> new Interaction("u", "i", Double.NaN, 0));
    assertTrue(e.getMessage().contains("weight"));
  }
}
