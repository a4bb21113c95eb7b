package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A request for room recommendations: who is asking, when, among which rooms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param viewerId the viewer, not blank; an unknown viewer gets cold-start results
 * @param candidates rooms to choose from, usually those live now; ids unique; may be empty
 * @param atMillis the request time, epoch millis; rooms not live then are filtered out
 * @param k how many results at most, {@code > 0}
 * @param hiddenRoomIds rooms the viewer asked not to see; may be empty
 * @param interests stated interests used for cold start when the viewer has no history; may be empty
 */
public record RoomQuery(
    String viewerId,
    List<LiveRoom> candidates,
    long atMillis,
    int k,
    Set<String> hiddenRoomIds,
    List<String> interests) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid or two candidates share an id
   */
  public RoomQuery {
    Checks.notBlank(viewerId, "viewerId");
    candidates = Checks.copyNoNulls(Checks.notNull(candidates, "candidates"), "candidates");
    Set<String> seen = new HashSet<>();
    for (LiveRoom r : candidates) {
      if (!seen.add(r.id())) {
        throw new IllegalArgumentException("candidates contains room id " + Checks.quote(r.id()) + " twice");
      }
    }
    Checks.nonNegative(atMillis, "atMillis");
    Checks.positive(k, "k");
    hiddenRoomIds = Checks.copySetNoBlanks(Checks.notNull(hiddenRoomIds, "hiddenRoomIds"), "hiddenRoomIds");
    interests = Checks.copyNoBlanks(Checks.notNull(interests, "interests"), "interests");
  }

  /** A query with nothing hidden and no stated interests. */
  public static RoomQuery of(String viewerId, List<LiveRoom> candidates, long atMillis, int k) {
    return new RoomQuery(viewerId, candidates, atMillis, k, Set.of(), List.of());
  }

  /** A copy that also hides {@code roomIds}. */
  public RoomQuery hiding(Set<String> roomIds) {
    Set<String> all = new HashSet<>(hiddenRoomIds);
    all.addAll(Checks.copySetNoBlanks(Checks.notNull(roomIds, "roomIds"), "roomIds"));
    return new RoomQuery(viewerId, candidates, atMillis, k, all, interests);
  }

  /** A copy with stated interests for cold start. */
  public RoomQuery withInterests(List<String> interests) {
    return new RoomQuery(viewerId, candidates, atMillis, k, hiddenRoomIds, interests);
  }
}
