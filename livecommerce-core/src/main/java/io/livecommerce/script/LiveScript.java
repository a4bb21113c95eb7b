package io.livecommerce.script;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A generated live-selling script: ordered segments in one language.
 *
 * <p>Immutable and thread-safe.
 *
 * @param language the language of every segment
 * @param segments the segments in speaking order, not empty
 */
public record LiveScript(Language language, List<ScriptSegment> segments) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if {@code segments} is empty or contains null
   */
  public LiveScript {
    Checks.notNull(language, "language");
    segments = Checks.copyNoNulls(Checks.notNull(segments, "segments"), "segments");
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
  }

  /** Total suggested speaking time in seconds. */
  public int totalSeconds() {
    int sum = 0;
    for (ScriptSegment s : segments) {
      sum += s.seconds();
    }
    return sum;
  }

  /** The whole script as plain text, one segment per line. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ScriptSegment s : segments) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(s.text());
    }
    return sb.toString();
  }
}
