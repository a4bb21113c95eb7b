package io.livecommerce.domain;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * One live session (场次) of an anchor: it exists for hours, then is gone. Collaborative signal therefore attaches to
 * the anchor; content attaches to the room's text.
 *
 * <p>Times are epoch milliseconds (UTC). A room that is still live has {@code endMillis == }{@link #ONGOING}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier, not blank
 * @param anchorId the hosting anchor's id, not blank
 * @param title room title, not blank
 * @param description free text; may be empty, never null
 * @param tags short tags such as "口红", "学生党"; may be empty
 * @param category main category such as 美妆; may be empty, never null
 * @param startMillis start time, epoch millis, {@code >= 0}
 * @param endMillis end time, epoch millis, {@code >= startMillis}, or {@link #ONGOING}
 */
public record LiveRoom(
    String id,
    String anchorId,
    String title,
    String description,
    List<String> tags,
    String category,
    long startMillis,
    long endMillis) {

  /** {@code endMillis} of a room that has not ended. */
  public static final long ONGOING = Long.MAX_VALUE;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public LiveRoom {
    Checks.notBlank(id, "id");
    Checks.notBlank(anchorId, "anchorId");
    Checks.notBlank(title, "title");
    description = Checks.orEmpty(description);
    tags = Checks.copyNoBlanks(Checks.notNull(tags, "tags"), "tags");
    category = Checks.orEmpty(category);
    Checks.nonNegative(startMillis, "startMillis");
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          "endMillis must be >= startMillis (" + startMillis + ") but was " + endMillis);
    }
  }

  /** Whether the room is live at {@code atMillis} (start inclusive, end exclusive). */
  public boolean isLiveAt(long atMillis) {
    return atMillis >= startMillis && atMillis < endMillis;
  }

  /** Title, description, tags and category joined into one text for embedding. */
  public String text() {
    StringBuilder sb = new StringBuilder(title);
    if (!description.isEmpty()) {
      sb.append(' ').append(description);
    }
    for (String t : tags) {
      sb.append(' ').append(t);
    }
    if (!category.isEmpty()) {
      sb.append(' ').append(category);
    }
    return sb.toString();
  }
}
