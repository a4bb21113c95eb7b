package io.livecommerce.script;

import io.livecommerce.internal.Checks;

/**
 * One segment of a live script.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the part it plays
 * @param text what the anchor says, not blank
 * @param seconds suggested speaking time in seconds, {@code > 0}
 */
public record ScriptSegment(SegmentKind kind, String text, int seconds) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if a component is invalid; the message names it
   */
  public ScriptSegment {
    Checks.notNull(kind, "kind");
    Checks.notBlank(text, "text");
    Checks.positive(seconds, "seconds");
  }
}
