package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;

/**
 * One place where a text breaks a rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleId the rule's id
 * @param category the kind of rule
 * @param severity how serious it is
 * @param legalBasis the law or platform rule behind it
 * @param start the match's first character offset in the checked text (UTF-16 index)
 * @param end one past the match's last character offset
 * @param matchedText the text at {@code [start, end)}
 * @param suggestion a compliant replacement (may be empty: delete the span)
 */
public record ComplianceFinding(String ruleId, ComplianceCategory category, Severity severity, String legalBasis,
    int start, int end, String matchedText, String suggestion) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if the offsets are inconsistent or a component is null
   */
  public ComplianceFinding {
    Checks.notBlank(ruleId, "ruleId");
    Checks.notNull(category, "category");
    Checks.notNull(severity, "severity");
    Checks.notNull(legalBasis, "legalBasis");
    Checks.notNull(matchedText, "matchedText");
    Checks.notNull(suggestion, "suggestion");
    if (start < 0 || end <= start || end - start != matchedText.length()) {
      throw new IllegalArgumentException("offsets [" + start + ", " + end + ") do not fit matchedText "
          + Checks.quote(matchedText));
    }
  }
}
