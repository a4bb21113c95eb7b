package io.livecommerce.recommend;

import io.livecommerce.domain.LiveRoom;
import io.livecommerce.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A request to a {@link LiveRoomIndex}: who is asking, when, how many rooms, and optionally what to leave out. The
 * rooms come from the index, so the request carries none.
 *
 * <p>Immutable, and thread-safe when {@code filter} is.
 *
 * @param viewerId the viewer, not blank; a viewer unknown to training and without a session gets popular and
 *     rising rooms (and rooms like their stated interests)
 * @param atMillis the request time, epoch millis; rooms not live then never appear
 * @param k how many results at most, {@code > 0}
 * @param hiddenRoomIds rooms the viewer asked not to see; may be empty
 * @param interests stated interests used when the viewer has no history; may be empty
 * @param filter which rooms may appear, e.g. one category or a region; called on the retrieved candidates only
 */
public record LiveQuery(String viewerId, long atMillis, int k, Set<String> hiddenRoomIds, List<String> interests,
    Predicate<LiveRoom> filter) {

  private static final Predicate<LiveRoom> ALL = r -> true;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public LiveQuery {
    Checks.notBlank(viewerId, "viewerId");
    Checks.nonNegative(atMillis, "atMillis");
    Checks.positive(k, "k");
    hiddenRoomIds = Checks.copySetNoBlanks(Checks.notNull(hiddenRoomIds, "hiddenRoomIds"), "hiddenRoomIds");
    interests = Checks.copyNoBlanks(Checks.notNull(interests, "interests"), "interests");
    Checks.notNull(filter, "filter");
  }

  /** A query with nothing hidden, no stated interests and no filter. */
  public static LiveQuery of(String viewerId, long atMillis, int k) {
    return new LiveQuery(viewerId, atMillis, k, Set.of(), List.of(), ALL);
  }

  /** A copy that also hides {@code roomIds}. */
  public LiveQuery hiding(Set<String> roomIds) {
    Set<String> all = new HashSet<>(hiddenRoomIds);
    all.addAll(Checks.copySetNoBlanks(Checks.notNull(roomIds, "roomIds"), "roomIds"));
    return new LiveQuery(viewerId, atMillis, k, all, interests, filter);
  }

  /** A copy with stated interests for a viewer without history. */
  public LiveQuery withInterests(List<String> interests) {
    return new LiveQuery(viewerId, atMillis, k, hiddenRoomIds, interests, filter);
  }

  /** A copy that keeps only rooms {@code filter} accepts (and those the current filter accepts). */
  public LiveQuery filter(Predicate<LiveRoom> filter) {
    Checks.notNull(filter, "filter");
    Predicate<LiveRoom> current = this.filter;
    return new LiveQuery(viewerId, atMillis, k, hiddenRoomIds, interests, current == ALL ? filter
        : current.and(filter));
  }
}
