package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.embed.TextEmbedder;
import java.util.List;

/** A fixed small {@link LiveWorld} for tests outside this package (golden model files). */
public final class LiveWorldAccess {
  private static final LiveWorld WORLD = new LiveWorld(60, 2, 21);

  private LiveWorldAccess() {}

  /** A room recommender trained on the world. */
  public static HybridRoomRecommender train(TextEmbedder embedder) {
    return HybridRoomRecommender.newBuilder().embedder(embedder).anchors(WORLD.anchors)
        .als(ImplicitAls.newBuilder().factors(4).iterations(5).seed(3).build()).train(WORLD.rooms, WORLD.train);
  }

  /** Some viewers, in a fixed order. */
  public static List<String> viewers() {
    return WORLD.train.stream().map(e -> e.viewerId()).distinct().sorted().toList();
  }

  /** The rooms live now. */
  public static List<LiveRoom> liveNow() {
    return WORLD.liveNow;
  }

  /** Now. */
  public static long now() {
    return WORLD.now;
  }

  /** What the model keeps for in-session updates, as text. */
  public static String liveSettings(HybridRoomRecommender r) {
    return r.config.live().toString();
  }
}
