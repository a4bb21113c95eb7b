package io.livecommerce.domain;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A viewer (观众) of live rooms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier, not blank
 * @param interests interests the viewer stated (e.g. at sign-up), used for cold start; may be empty
 */
public record Viewer(String id, List<String> interests) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public Viewer {
    Checks.notBlank(id, "id");
    interests = Checks.copyNoBlanks(Checks.notNull(interests, "interests"), "interests");
  }

  /** A viewer with no stated interests. */
  public static Viewer of(String id) {
    return new Viewer(id, List.of());
  }
}
