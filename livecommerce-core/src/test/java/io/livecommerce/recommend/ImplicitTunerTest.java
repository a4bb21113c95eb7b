package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.eval.RankingEvaluator;
import io.livecommerce.eval.Split;
import io.livecommerce.eval.Splits;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImplicitTunerTest {

  static final TasteWorld WORLD = new TasteWorld(300, 30, 13);
  static final Split<Interaction> SPLIT = Splits.byTime(WORLD.interactions, Interaction::timestampMillis, 0.2);

  static ImplicitTuner.Builder tuner() {
    return ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6).seed(5)
        .budget(Duration.ofHours(1));
  }

  static double ndcg(ImplicitModel m) {
    return RankingEvaluator.evaluate("m", u -> m.knows(u) ? m.recommend(u, 10, true).stream().map(s -> s.item())
        .toList() : List.of(), RecommenderEvaluation.relevant(SPLIT.test()), 10, m.catalogue().size()).ndcg();
  }

  @Test
  void theChoiceIsDeterministicForASeedAndRecordedInTheModelFile(@TempDir Path dir) throws Exception {
    ImplicitTuner.Result a = tuner().build().tune(SPLIT.train(), WORLD.itemTexts);
    ImplicitTuner.Result b = tuner().build().tune(SPLIT.train(), WORLD.itemTexts);
    assertEquals(a.best(), b.best());
    // The trace: every configuration scored, in order, none above the winner (weights are tuned after it).
    assertEquals(a.history(), b.history());
    assertTrue(a.history().size() >= 6, "history " + a.history().size());
    assertTrue(a.history().size() <= a.trials(), a.history().size() + " vs " + a.trials());
    double bestSeen = a.history().stream().mapToDouble(ImplicitTuner.Trial::validationNdcg).max().orElseThrow();
    assertTrue(bestSeen <= a.best().validationNdcg() + 1e-12, bestSeen + " vs " + a.best().validationNdcg());
    assertEquals(a.model().recommend("u1", 10, true), b.model().recommend("u1", 10, true));
    assertTrue(a.trials() >= 6, "trials " + a.trials());
    Path file = dir.resolve("tuned.model");
    a.model().save(file);
    Map<String, String> provenance = ModelFiles.loadWithProvenance(file, ImplicitModel.CODEC).provenance();
    assertTrue(provenance.get(Provenance.TUNING).contains("validationNdcg="), provenance.toString());
    assertEquals(a.model().tuning(), ImplicitModel.load(file, HashingTextEmbedder.create()).tuning());
  }

  @Test
  void tunedBeatsTheHandSetDefaultsOnHeldOutData() {
    ImplicitModel tuned = tuner().build().tune(SPLIT.train(), WORLD.itemTexts).model();
    ImplicitModel defaults = ImplicitRecommender.newBuilder().embedder(HashingTextEmbedder.create()).build()
        .fit(SPLIT.train(), WORLD.itemTexts);
    assertTrue(ndcg(tuned) > ndcg(defaults), ndcg(tuned) + " vs " + ndcg(defaults));
  }

  @Test
  void fixedSettingsAreNotSearchedAndTheBudgetStopsTheSearch() {
    ImplicitTuner t = tuner().factors(8).confidence(ConfidenceTransform.BINARY).build();
    assertTrue(t.candidates().stream().allMatch(c -> c.factors() == 8
        && c.confidence() == ConfidenceTransform.BINARY));
    AtomicLong clock = new AtomicLong();
    ImplicitTuner.Result r = tuner().budget(Duration.ofSeconds(1)).nanoTime(() -> clock.addAndGet(400_000_000L))
        .build().tune(SPLIT.train(), Map.of());
    int unbounded = tuner().build().tune(SPLIT.train(), Map.of()).trials();
    assertTrue(r.trials() * 2 < unbounded, "the budget cut the search: " + r.trials() + " of " + unbounded
        + " trials");
    // The printout accounts for the time: a cost per scored trial, and what the budget left untried.
    assertEquals(r.history().size(), r.costs().size());
    assertTrue(r.costs().stream().allMatch(c -> c >= 0), r.costs().toString());
    // EASE used up the budget: no ALS trial overruns it.
    assertTrue(r.untried().contains("all 6 sampled ALS configurations"), r.untried().toString());
    assertTrue(r.history().stream().noneMatch(x -> x.family() == ModelFamily.ALS), r.trialTable());
    assertTrue(r.trialTable().contains("untried, the search stopped after " + r.stoppedAfter() + " trial"),
        r.trialTable());
    assertTrue(r.stoppedAfter() > 0 && r.stoppedAfter() <= r.trials(), r.stoppedAfter() + " of " + r.trials());
    assertTrue(r.trialTable().lines().count() >= r.history().size(), r.trialTable());
    assertThrows(IllegalArgumentException.class, () -> ImplicitTuner.newBuilder().build()
        .tune(SPLIT.train(), WORLD.itemTexts), "texts without an embedder");
  }

  @Test
  void aTrialLimitMakesTheChoiceTheBudgetMadeWithoutTheClock() {
    AtomicLong clock = new AtomicLong();
    ImplicitTuner.Result timed = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6)
        .seed(5).budget(Duration.ofSeconds(2)).nanoTime(() -> clock.addAndGet(150_000_000L)).build()
        .tune(SPLIT.train(), WORLD.itemTexts);
    assertTrue(timed.stoppedAfter() > 0 && !timed.untried().isEmpty(), timed.trialTable());
    // A clock that never moves: only the count can stop this search.
    ImplicitTuner.Result counted = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6)
        .seed(5).trialLimit(timed.stoppedAfter()).nanoTime(() -> 0L).build().tune(SPLIT.train(), WORLD.itemTexts);
    assertEquals(timed.best(), counted.best());
    assertEquals(timed.history(), counted.history());
    assertEquals(timed.untried(), counted.untried());
    assertEquals(timed.trials(), counted.trials());
    assertEquals(timed.stoppedAfter(), counted.stoppedAfter());
    // The model file's provenance says where the search stopped, so the run can be repeated from the file alone.
    assertTrue(timed.model().tuning().endsWith(",stoppedAfter=" + timed.stoppedAfter()), timed.model().tuning());
    for (String u : List.of("u1", "u7", "u42")) {
      assertEquals(timed.model().recommend(u, 10, true), counted.model().recommend(u, 10, true), u);
    }
    // One trial more lets the search take the step it stopped before.
    ImplicitTuner.Result more = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6)
        .seed(5).trialLimit(timed.stoppedAfter() + 1).build().tune(SPLIT.train(), WORLD.itemTexts);
    assertEquals(timed.stoppedAfter() + 1, more.stoppedAfter(), more.trialTable());
    assertEquals(timed.history().size() + 1, more.history().size(), more.trialTable());
    assertEquals(timed.history(), more.history().subList(0, timed.history().size()));
    // A limit the search never reaches: nothing untried, no stop.
    ImplicitTuner.Result all = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6)
        .seed(5).trialLimit(100_000).build().tune(SPLIT.train(), WORLD.itemTexts);
    assertEquals(0, all.stoppedAfter());
    assertTrue(all.untried().isEmpty(), all.trialTable());
  }

  @Test
  void theTrialLimitIsCheckedAndConflictsWithABudget() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ImplicitTuner.newBuilder()
        .budget(Duration.ofSeconds(5)).trialLimit(3).build());
    assertTrue(e.getMessage().contains("budget(PT5S) and trialLimit(3) conflict"), e.getMessage());
    // Not on call order: the other way round fails the same way.
    assertThrows(IllegalStateException.class, () -> ImplicitTuner.newBuilder().trialLimit(3)
        .budget(Duration.ofSeconds(5)).build());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> ImplicitTuner.newBuilder().trialLimit(0));
    assertTrue(zero.getMessage().contains("trialLimit") && zero.getMessage().contains("0"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImplicitTuner.newBuilder().trialLimit(100_001));
  }

  @Test
  void theBudgetKeepsRoomForAWiderFinalEaseFit() {
    // A fake clock: every reading is 100 ms later, so each trial "costs" about the same.
    ImplicitTuner.Result narrow = easeOnly(5).tune(SPLIT.train(), Map.of());
    ImplicitTuner.Result same = easeOnly(30).tune(SPLIT.train(), Map.of());
    // Trials on 5 items predict that a final fit over 30 costs more than the budget has left: the search stops.
    assertTrue(narrow.trials() < same.trials(), narrow.trials() + " vs " + same.trials());
    assertTrue(narrow.untried().stream().anyMatch(u -> u.contains("λ search")), narrow.trialTable());
    assertTrue(same.untried().isEmpty(), same.trialTable());
    // The final model covers every item all the same.
    assertEquals(same.model().ease().size(), narrow.model().ease().size());
    assertTrue(narrow.model().ease().size() > 5, "covered " + narrow.model().ease().size());
    assertThrows(IllegalArgumentException.class, () -> ImplicitTuner.newBuilder().easeSearchItems(0));
    assertThrows(IllegalArgumentException.class, () -> ImplicitTuner.newBuilder().easeSearchItems(20_001));
  }

  @Test
  void aTrialStartsOnlyWhenItCanEndWithinTheBudget() {
    // Every clock reading is 100 ms later, so trials cost alike and the last one predicts the next.
    AtomicLong clock = new AtomicLong();
    ImplicitTuner.Result r = tuner().family(ModelFamily.EASE).confidence(ConfidenceTransform.BINARY)
        .easeMaxItems(30).budget(Duration.ofMillis(2500)).nanoTime(() -> clock.addAndGet(100_000_000L)).build()
        .tune(SPLIT.train(), Map.of());
    assertTrue(r.stoppedAfter() > 0, r.trialTable());
    assertTrue(r.millis() <= 2500, r.millis() + " ms for a 2,500 ms budget\n" + r.trialTable());
  }

  @Test
  void theBudgetKeepsRoomForRescoringTheWinnerWithEveryBlend() {
    // With item texts the winner is rescored with 20 blends after the last trial; that pass must fit in the budget
    // too, wherever the budget happens to stop the search.
    for (int millis = 1500; millis <= 4000; millis += 250) {
      AtomicLong clock = new AtomicLong();
      ImplicitTuner.Result r = ImplicitTuner.newBuilder().embedder(HashingTextEmbedder.create()).maxTrials(6)
          .seed(5).budget(Duration.ofMillis(millis)).nanoTime(() -> clock.addAndGet(100_000_000L)).build()
          .tune(SPLIT.train(), WORLD.itemTexts);
      assertTrue(r.stoppedAfter() > 0, r.trialTable());
      assertTrue(r.millis() <= millis, r.millis() + " ms for a " + millis + " ms budget\n" + r.trialTable());
    }
  }

  private static ImplicitTuner easeOnly(int searchItems) {
    AtomicLong clock = new AtomicLong();
    return tuner().family(ModelFamily.EASE).confidence(ConfidenceTransform.BINARY).easeMaxItems(30)
        .easeSearchItems(searchItems).budget(Duration.ofSeconds(6)).nanoTime(() -> clock.addAndGet(100_000_000L))
        .build();
  }
}
