package io.livecommerce.compliance;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * The findings of a compliance check, in text order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the checked text
 * @param findings the findings, ordered by start offset; empty when the text is clean
 */
public record ComplianceReport(String text, List<ComplianceFinding> findings) {

  /** A report with no findings. */
  public static ComplianceReport clean(String text) {
    return new ComplianceReport(text, List.of());
  }

  /** Copies the findings. */
  public ComplianceReport {
    Checks.notNull(text, "text");
    findings = Checks.copyNoNulls(Checks.notNull(findings, "findings"), "findings");
  }

  /** Whether there are no findings. */
  public boolean isClean() {
    return findings.isEmpty();
  }

  /**
   * The text with every finding replaced by its suggestion, except disease claims and disparagement (a {@link
   * ComplianceCategory#MEDICAL_CLAIM} or {@link ComplianceCategory#DISPARAGEMENT} finding with an empty suggestion):
   * softening them (根治失眠 to 改善失眠, 消炎 to 舒缓) would still claim to treat a disease, so their whole clause is
   * removed. A suggestion does not repeat the words that follow it (顶级品质 becomes 高品质). {@link ComplianceChecker#rewrite} checks the result
   * again and guarantees a clean text.
   */
  public String rewritten() {
    return apply(false);
  }

  /** The text with the clause around every finding removed. */
  String withoutClauses() {
    return apply(true);
  }

  /**
   * {@code suggestion} less an ending that the text right after the finding repeats: 顶级品质 becomes 高品质, not
   * 高品质品质.
   */
  private static String withoutEcho(String suggestion, String text, int end) {
    for (int k = Math.min(suggestion.length() - 1, text.length() - end); k >= 2; k--) {
      if (suggestion.endsWith(text.substring(end, end + k))) {
        return suggestion.substring(0, suggestion.length() - k);
      }
    }
    return suggestion;
  }

  /** Characters that end a clause: a claim does not reach across them. Shared with the checker's negation rule. */
  static final String CLAUSE_ENDS = "，。！？；,!?;\n…";

  private String apply(boolean allClauses) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (ComplianceFinding f : findings) {
      if (f.start() < pos) {
        continue; // inside a clause already removed
      }
      boolean dropClause = allClauses || (f.suggestion().isEmpty()
          && (f.category() == ComplianceCategory.MEDICAL_CLAIM || f.category() == ComplianceCategory.DISPARAGEMENT));
      if (!dropClause) {
        sb.append(text, pos, f.start()).append(withoutEcho(f.suggestion(), text, f.end()));
        pos = f.end();
        continue;
      }
      int from = f.start();
      while (from > pos && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
        from--;
      }
      int to = f.end();
      while (to < text.length() && CLAUSE_ENDS.indexOf(text.charAt(to)) < 0) {
        to++;
      }
      if (to < text.length()) {
        to++; // the clause's own punctuation goes with it
      }
      sb.append(text, pos, from);
      pos = to;
    }
    sb.append(text.substring(pos));
    // A removed first or last clause can leave a dangling comma.
    int begin = 0;
    int end = sb.length();
    while (begin < end && "，,；;".indexOf(sb.charAt(begin)) >= 0) {
      begin++;
    }
    while (end > begin && "，,；;".indexOf(sb.charAt(end - 1)) >= 0) {
      end--;
    }
    return sb.substring(begin, end);
  }
}
