package io.livecommerce.llm.finetune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.livecommerce.internal.Checks;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link FineTuningDataset#export} did: counts at each step, approximate tokens and the settings used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param input scripts given
 * @param perCategory per category (sorted by name), scripts given and examples chosen
 * @param redacted scripts whose text or product text had personal data replaced
 * @param rewritten scripts rewritten to comply
 * @param droppedNonCompliant scripts left out for breaking a rule
 * @param nearDuplicates scripts skipped as near-duplicates of a better one
 * @param train training examples
 * @param validation validation examples
 * @param trainTokens approximate tokens of the training file ({@link TokenEstimate})
 * @param validationTokens approximate tokens of the validation file
 * @param settings the dataset maker's settings, for provenance
 */
public record ExportSummary(int input, Map<String, CategoryCount> perCategory, int redacted, int rewritten,
    int droppedNonCompliant, int nearDuplicates, int train, int validation, long trainTokens, long validationTokens,
    Map<String, Object> settings) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Scripts given and examples chosen in one category.
   *
   * @param input scripts given
   * @param chosen examples chosen
   */
  public record CategoryCount(int input, int chosen) {}

  /** Copies the maps, keeping their order. */
  public ExportSummary {
    perCategory = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(perCategory, "perCategory")));
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(settings, "settings")));
  }

  /** The summary as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A few lines for people. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(input).append(" scripts in ").append(perCategory.size()).append(" categories → ").append(train)
        .append(" train + ").append(validation).append(" validation examples (≈").append(trainTokens)
        .append(" + ").append(validationTokens).append(" tokens)\n");
    sb.append("personal data redacted in ").append(redacted).append(", rewritten to comply ").append(rewritten)
        .append(", dropped as non-compliant ").append(droppedNonCompliant).append(", near-duplicates skipped ")
        .append(nearDuplicates).append('\n');
    perCategory.forEach((c, n) -> sb.append("  ").append(c.isEmpty() ? "(no category)" : c).append(": ")
        .append(n.chosen()).append(" of ").append(n.input()).append('\n'));
    return sb.toString();
  }
}
