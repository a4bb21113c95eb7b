package io.livecommerce.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.embed.HashingTextEmbedder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomFamiliesTest {

  static final LiveWorld WORLD = new LiveWorld(200, 3, 17);

  static HybridRoomTrainer trainer(ModelFamily family) {
    return HybridRoomRecommender.newBuilder().embedder(HashingTextEmbedder.create()).anchors(WORLD.anchors)
        .family(family).weights(BlendWeights.CF_ONLY)
        .als(ImplicitAls.newBuilder().factors(8).iterations(5).seed(3).build());
  }

  static List<Scored<LiveRoom>> top(HybridRoomRecommender r, String viewer) {
    return r.recommend(RoomQuery.of(viewer, WORLD.liveNow, WORLD.now, 5));
  }

  @Test
  void eachFamilyTrainsSavesAndLoadsToTheSameRanking(@TempDir Path dir) throws Exception {
    for (ModelFamily family : ModelFamily.values()) {
      HybridRoomRecommender r = trainer(family).train(WORLD.rooms, WORLD.train);
      assertEquals(family, r.family());
      Path file = dir.resolve(family + ".model");
      r.save(file);
      HybridRoomRecommender back = HybridRoomRecommender.load(file, HashingTextEmbedder.create());
      assertEquals(family, back.family());
      for (String v : LiveWorldAccess.viewers().subList(0, 4)) {
        assertEquals(top(r, v).stream().map(s -> s.item().id() + " " + s.score()).toList(),
            top(back, v).stream().map(s -> s.item().id() + " " + s.score()).toList(), family + " " + v);
      }
    }
  }

  @Test
  void theEaseFamilyScoresAnchorsFromTheViewersOwnHistory() {
    HybridRoomRecommender ease = trainer(ModelFamily.EASE).train(WORLD.rooms, WORLD.train);
    assertEquals(1, ease.cf().factors(), "the factor model only indexes viewers and anchors");
    // A viewer's CF score is Σ_a w_ua B[a][b]: a viewer with history gets non-zero scores, and the ranking
    // differs from popularity alone.
    String viewer = LiveWorldAccess.viewers().get(0);
    List<Scored<LiveRoom>> recs = top(ease, viewer);
    assertTrue(recs.stream().anyMatch(s -> s.score() != 0), recs.toString());
  }
}
