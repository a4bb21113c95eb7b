package io.livecommerce.examples;

import static io.livecommerce.examples.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.examples.CliTest.Result;
import io.livecommerce.llm.local.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code script --gguf}: offline end to end on the tiny shared test model (mechanics, never content). */
class CliLocalModelTest {

  static final Path TINY = TestModels.tiny();

  static Result script(String seed) {
    return cli("script", "--gguf", TINY.toString(), "--threads", "1", "--seed", seed, "--product-title", "玻尿酸补水面霜",
        "--price", "89", "--promotion", "领券立减20元");
  }

  @Test
  void aLocalModelWritesAScriptInSegmentsWithItsReportAndTheSameSeedGivesTheSameScript() {
    Assumptions.assumeTrue(Files.isRegularFile(TINY), "the shared test model is not at " + TINY.toAbsolutePath());
    Result a = script("7");
    // Exit 1 when the final script still has findings (a weak model may write some), else 0.
    assertEquals(a.out().contains("compliance: clean") ? 0 : 1, a.code(), a.err());
    assertTrue(a.out().lines().anyMatch(l -> l.matches("\\[[A-Z_]+ \\d+s\\] .+")), a.out());
    assertTrue(a.out().contains("compliance: "), a.out());
    int total = a.out().lines().map(java.util.regex.Pattern.compile("^\\[[A-Z_]+ (\\d+)s\\] ")::matcher)
        .filter(java.util.regex.Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).sum();
    assertEquals(Math.abs(total - 180) > 45,
        a.out().contains("length: the segments add up to " + total + " s, asked for 180 s"), a.out());
    assertEquals(a.out(), script("7").out());
    assertNotEquals(a.out(), script("8").out());
  }

  @Test
  void aFileThatIsNotAModelIsBadInput(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path notModel = Files.writeString(dir.resolve("m.gguf"), "not a model");
    Result r = cli("script", "--gguf", notModel.toString(), "--product-title", "面霜");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a GGUF file") && r.err().contains(notModel.toString()), r.err());
  }
}
