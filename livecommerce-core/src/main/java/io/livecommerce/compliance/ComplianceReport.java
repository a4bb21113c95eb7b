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

  /** The text with every finding replaced by its suggestion. */
  public String rewritten() {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (ComplianceFinding f : findings) {
      if (f.start() < pos) {
        continue;
      }
      sb.append(text, pos, f.start()).append(f.suggestion());
      pos = f.end();
    }
    return sb.append(text.substring(pos)).toString();
  }
}
