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
 * @param suggestions a rewrite per term, or per pattern match as folded (lower case, e.g. {@code the best})
 * @param suggestion the rewrite for anything else; may be empty (delete the span). A Chinese suggestion is not used
 *     for a match in an English clause: that clause is removed instead
 * @param spellings Latin spellings of the terms (pinyin such as {@code zuihao}), matched as whole words in any case,
 *     with spaces, dots or dashes between the letters; may be empty
 * @param negatable whether a match is clean when a disclaimer negates it (不能治疗疾病, 不具有减肥功效)
 */
public record ComplianceRule(String id, ComplianceCategory category, Severity severity, String basis,
    List<String> terms, List<Pattern> patterns, List<String> allow, Map<String, String> suggestions,
    String suggestion, List<String> spellings, boolean negatable) {

  /** A rule without Latin spellings that no disclaimer negates. */
  public ComplianceRule(String id, ComplianceCategory category, Severity severity, String basis,
      List<String> terms, List<Pattern> patterns, List<String> allow, Map<String, String> suggestions,
      String suggestion) {
    this(id, category, severity, basis, terms, patterns, allow, suggestions, suggestion, List.of(), false);
  }

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
    spellings = Checks.copyNoBlanks(Checks.notNull(spellings, "spellings"), "spellings");
    for (String sp : spellings) {
      if (!sp.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException("spellings: " + Checks.quote(sp) + " must be Latin letters and digits only");
      }
    }
    if (terms.isEmpty() && patterns.isEmpty()) {
      throw new IllegalArgumentException("rule " + Checks.quote(id) + " has no terms and no patterns");
    }
  }

  /**
   * The rewrite for a matched text (a term, or a pattern's match as folded: lower case): its own suggestion, else the
   * rule's, except that a Chinese rewrite is never put into an English clause (mixing languages mid-sentence is never
   * right): there the match gets no suggestion, and its clause is removed.
   *
   * @param chineseClause whether the clause around the match has a Chinese character
   */
  String suggestionFor(String matched, boolean chineseClause) {
    String own = suggestions.get(matched);
    if (own != null) {
      return own;
    }
    return chineseClause || !hasHan(suggestion) ? suggestion : "";
  }

  /** The rewrite for a matched term in Chinese text. */
  String suggestionFor(String matched) {
    return suggestionFor(matched, true);
  }

  static boolean hasHan(CharSequence s) {
    return s.codePoints().anyMatch(Hanzi::isHan);
  }
}
