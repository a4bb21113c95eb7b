package io.livecommerce.llm.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The GGUF validator on hostile files: only its own {@link IllegalArgumentException}, naming the file, may escape;
 * never an index error, an overflow or an allocation sized by the file's claims (benchmarks/fuzz.sh runs it in a
 * 1 GB heap). The committed corpus holds a small valid model, the 40-byte file that aborted the JVM, and templates.
 */
class GgufValidatorFuzzTest {

  @FuzzTest(maxDuration = "24h")
  void validator(byte[] bytes) throws IOException {
    Path p = Files.createTempFile("fuzz", ".gguf");
    try {
      Files.write(p, bytes);
      try {
        GgufValidator.validate(p);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().startsWith("gguf " + p), e.getMessage());
      }
    } finally {
      Files.deleteIfExists(p);
    }
  }
}
