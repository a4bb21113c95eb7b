package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.eval.RankingEvaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridRoomTunerTest {

  static final LiveWorld WORLD = new LiveWorld(300, 3, 31);

  static HybridRoomTrainer trainer() {
    return HybridRoomRecommender.newBuilder().embedder(HashingTextEmbedder.create()).anchors(WORLD.anchors)
        .als(ImplicitAls.newBuilder().factors(16).iterations(8).seed(3).build());
  }

  static double ndcg(HybridRoomRecommender r) {
    return RankingEvaluator.evaluate("m", v -> r.recommend(RoomQuery.of(v, WORLD.liveNow, WORLD.now, 10)).stream()
        .map(Scored::item).map(LiveRoom::id).toList(), WORLD.testRelevant, 10, WORLD.liveNow.size()).ndcg();
  }

  @Test
  void tunesOnTheLastHoursOfTheTrainingEventsAndIsDeterministic() {
    HybridRoomTuner tuner = HybridRoomTuner.of(trainer()).withMaxTrials(4).withSeed(7);
    HybridRoomTuner.Result a = tuner.tune(WORLD.rooms, WORLD.train);
    HybridRoomTuner.Result b = tuner.tune(WORLD.rooms, WORLD.train);
    assertEquals(a.describe(), b.describe());
    assertTrue(a.trials() >= 7, "the starting settings, 4 sampled, EASE at least once and the blend: " + a.trials());
    assertEquals(a.family(), a.model().family());
    assertTrue(a.validationNdcg() > 0, a.describe());
    double tuned = ndcg(a.model());
    double untuned = ndcg(trainer().train(WORLD.rooms, WORLD.train));
    assertTrue(tuned >= untuned - 0.01, "tuned " + tuned + " vs defaults " + untuned);
  }

  @Test
  void theBudgetCanBeSetAndStopsTheSearchBetweenTrials() {
    HybridRoomTuner.Result r = HybridRoomTuner.of(trainer()).withMaxTrials(4).withSeed(7)
        .withBudget(java.time.Duration.ofNanos(1)).tune(WORLD.rooms, WORLD.train);
    // Spent at once: the starting settings and EASE's first λ are tried, nothing else (no 4 sampled, no blend).
    assertEquals(2, r.trials(), r.describe());
    assertTrue(r.validationNdcg() > 0, r.describe());
    IllegalArgumentException zero = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> HybridRoomTuner.of(trainer()).withBudget(java.time.Duration.ZERO));
    assertTrue(zero.getMessage().contains("budget must be > 0 but was PT0S"), zero.getMessage());
    IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> HybridRoomTuner.of(trainer()).withBudget(null));
    assertTrue(none.getMessage().contains("budget"), none.getMessage());
  }

  @Test
  void tooLittleDataFallsBackToTheStartingSettings() {
    List<io.livecommerce.domain.WatchEvent> few = WORLD.train.subList(0, 3);
    HybridRoomTuner.Result r = HybridRoomTuner.of(trainer()).withValidationHours(0.001).tune(WORLD.rooms, few);
    assertEquals(0, r.trials());
    assertTrue(Double.isNaN(r.validationNdcg()));
  }
}
