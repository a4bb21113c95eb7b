package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;
import java.util.Map;

/**
 * Text with personal data replaced by placeholders such as {@code [PHONE_1]}, and the mapping to restore it. Keep
 * the mapping in-process; send only {@link #text()}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show the originals.
 *
 * @param text the redacted text
 * @param originals placeholder to original value
 */
public record Redaction(String text, Map<String, String> originals) {

  /** Copies the mapping. */
  public Redaction {
    Checks.notNull(text, "text");
    originals = Map.copyOf(Checks.notNull(originals, "originals"));
  }

  /** Whether anything was redacted. */
  public boolean redactedAnything() {
    return !originals.isEmpty();
  }

  /**
   * Puts the originals back into {@code answer} (e.g. a model's reply that quotes placeholders).
   *
   * @throws IllegalArgumentException if {@code answer} is null
   */
  public String restore(String answer) {
    Checks.notNull(answer, "answer");
    String out = answer;
    for (Map.Entry<String, String> e : originals.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  @Override
  public String toString() {
    return "Redaction{text=" + Checks.quote(text) + ", placeholders=" + originals.keySet() + "}";
  }
}
