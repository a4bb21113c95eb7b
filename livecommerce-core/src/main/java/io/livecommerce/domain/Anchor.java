package io.livecommerce.domain;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A host (主播) who sells in live rooms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier, not blank
 * @param name display name, not blank
 * @param persona free-text persona and speaking style, e.g. "亲和的邻家姐姐, 语速快, 爱讲成分"; may be empty, never null
 * @param categories categories the anchor usually sells (e.g. 美妆, 食品); may be empty
 * @param followers follower count, {@code >= 0}
 */
public record Anchor(String id, String name, String persona, List<String> categories, long followers) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if a component is null, blank where it must not be, or negative
   */
  public Anchor {
    Checks.notBlank(id, "id");
    Checks.notBlank(name, "name");
    persona = Checks.orEmpty(persona);
    categories = Checks.copyNoBlanks(Checks.notNull(categories, "categories"), "categories");
    Checks.nonNegative(followers, "followers");
  }

  /** An anchor with only an id and name. */
  public static Anchor of(String id, String name) {
    return new Anchor(id, name, "", List.of(), 0);
  }
}
