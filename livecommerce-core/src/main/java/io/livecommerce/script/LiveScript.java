package io.livecommerce.script;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * A generated live-selling script: ordered segments in one language, with the compliance report of its text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param language the language of every segment
 * @param segments the segments in speaking order, not empty
 * @param compliance the advertising-law check of {@link #text()}; offsets refer to that text
 */
public record LiveScript(Language language, List<ScriptSegment> segments, ComplianceReport compliance) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException if {@code segments} is empty or contains null, or the report is of other text
   */
  public LiveScript {
    Checks.notNull(language, "language");
    segments = Checks.copyNoNulls(Checks.notNull(segments, "segments"), "segments");
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
    Checks.notNull(compliance, "compliance");
    if (!compliance.text().equals(join(segments))) {
      throw new IllegalArgumentException("compliance report was made for other text than these segments");
    }
  }

  /** A script checked with the bundled {@link ComplianceChecker}. */
  public static LiveScript checked(Language language, List<ScriptSegment> segments) {
    return checked(language, segments, ComplianceChecker.bundled());
  }

  /** A script checked with {@code checker}. */
  public static LiveScript checked(Language language, List<ScriptSegment> segments, ComplianceChecker checker) {
    Checks.notNull(segments, "segments");
    Checks.notNull(checker, "checker");
    return new LiveScript(language, segments, checker.check(join(segments)));
  }

  /**
   * A script checked with {@code checker}, and its facts against {@code request} ({@link ScriptFacts}): a price,
   * discount, stock count or date the request does not give is a finding too.
   */
  public static LiveScript checked(Language language, List<ScriptSegment> segments, ComplianceChecker checker,
      ScriptRequest request) {
    Checks.notNull(segments, "segments");
    Checks.notNull(checker, "checker");
    Checks.notNull(request, "request");
    String text = join(segments);
    ComplianceReport rules = checker.check(text);
    List<io.livecommerce.compliance.ComplianceFinding> facts = ScriptFacts.check(text, request);
    if (facts.isEmpty()) {
      return new LiveScript(language, segments, rules);
    }
    List<io.livecommerce.compliance.ComplianceFinding> all = new java.util.ArrayList<>(rules.findings());
    all.addAll(facts);
    all.sort(java.util.Comparator.comparingInt(io.livecommerce.compliance.ComplianceFinding::start));
    return new LiveScript(language, segments, new ComplianceReport(text, all));
  }

  private static String join(List<ScriptSegment> segments) {
    StringBuilder sb = new StringBuilder();
    for (ScriptSegment s : segments) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(s.text());
    }
    return sb.toString();
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
    return join(segments);
  }
}
