package io.livecommerce.recommend;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import java.util.List;

/**
 * Ranks the rooms that are live now for one viewer.
 *
 * <p>Implementations are thread-safe for concurrent {@code recommend} calls unless their Javadoc says otherwise.
 */
public interface RoomRecommender {

  /**
   * Recommends up to {@code query.k()} rooms, best first. Rooms not live at {@code query.atMillis()} and hidden
   * rooms never appear. Each result's reasons say why it was chosen.
   *
   * @param query who, when, among which rooms; not null
   * @return at most {@code k} results, scores non-increasing; empty when no candidate qualifies
   * @throws IllegalArgumentException if {@code query} is null
   */
  List<Scored<LiveRoom>> recommend(RoomQuery query);
}
