package io.livecommerce.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.compliance.Redaction;

/**
 * Fuzz targets for the text-facing checks. In {@code mvn verify} they replay the committed corpora under
 * {@code src/test/resources/io/livecommerce/fuzz/ComplianceFuzzTestInputs}; {@code benchmarks/fuzz.sh} fuzzes for
 * real and adds what it finds there.
 */
class ComplianceFuzzTest {

  private static final ComplianceChecker CHECKER = ComplianceChecker.bundled();

  /** Findings lie inside the text, point at the original characters, and every rewrite checks clean. */
  @FuzzTest(maxDuration = "24h")
  void checker(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    ComplianceReport r = CHECKER.check(text);
    int previousEnd = 0;
    for (ComplianceFinding f : r.findings()) {
      assertTrue(f.start() >= previousEnd && f.start() < f.end() && f.end() <= text.length(), f::toString);
      assertEquals(text.substring(f.start(), f.end()), f.matchedText());
      previousEnd = f.end();
    }
    String rewritten = CHECKER.rewrite(text);
    assertTrue(CHECKER.check(rewritten).isClean(), () -> "rewrite of " + text + " is not clean: " + rewritten);
  }

  /** Redaction restores exactly, whatever the text, and no placeholder survives restoring. */
  @FuzzTest(maxDuration = "24h")
  void redactor(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Redaction r = PiiRedactor.create().redact(text);
    assertEquals(text, r.restore(r.text()));
  }
}
