package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule: literal terms and regular expressions that violate it, phrases that contain a term but are neutral
 * (e.g. 唯一的缺点), and suggested rewrites.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a stable id, not blank
 * @param category the kind of rule
 * @param severity how serious a match is
 * @param basis the law or platform rule behind it
 * @param terms literal terms; may be empty
 * @param patterns regular expressions; may be empty
 * @param allow neutral phrases: a match inside one of them is not a finding
 * @param suggestions a rewrite per term
 * @param suggestion the rewrite for anything else; may be empty (delete the span)
 */
public record ComplianceRule(String id, ComplianceCategory category, Severity severity, String basis,
    List<String> terms, List<Pattern> patterns, List<String> allow, Map<String, String> suggestions,
    String suggestion) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if the rule has no term and no pattern, or a component is invalid
   */
  public ComplianceRule {
    Checks.notBlank(id, "id");
    Checks.notNull(category, "category");
    Checks.notNull(severity, "severity");
    Checks.notBlank(basis, "basis");
    terms = Checks.copyNoBlanks(Checks.notNull(terms, "terms"), "terms");
    patterns = Checks.copyNoNulls(Checks.notNull(patterns, "patterns"), "patterns");
    allow = Checks.copyNoBlanks(Checks.notNull(allow, "allow"), "allow");
    suggestions = Map.copyOf(Checks.notNull(suggestions, "suggestions"));
    suggestion = Checks.orEmpty(suggestion);
    if (terms.isEmpty() && patterns.isEmpty()) {
      throw new IllegalArgumentException("rule " + Checks.quote(id) + " has no terms and no patterns");
    }
  }

  /** The rewrite for a matched text. */
  String suggestionFor(String matched) {
    return suggestions.getOrDefault(matched, suggestion);
  }
}
