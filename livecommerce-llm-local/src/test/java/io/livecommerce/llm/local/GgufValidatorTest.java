package io.livecommerce.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile GGUF files are refused in Java with a message, before llama.cpp could abort the JVM on them. */
class GgufValidatorTest {

  @TempDir
  Path dir;

  private Path file(byte[] bytes) throws Exception {
    Path p = Files.createTempFile(dir, "m", ".gguf");
    Files.write(p, bytes);
    return p;
  }

  private String refused(byte[] bytes) throws Exception {
    Path p = file(bytes);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GgufValidator.validate(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    return e.getMessage();
  }

  private static byte[] withTemplate(String t) {
    return new GgufWriter().header(3, 0, 1).stringEntry("tokenizer.chat_template", t).bytes();
  }

  @Test
  void aWellFormedFileAndTheSharedTestModelPass() throws Exception {
    GgufValidator.Header h = GgufValidator.validate(file(GgufWriter.valid()));
    assertEquals(3, h.version());
    assertEquals(1, h.tensors());
    assertTrue(h.chatTemplate().contains("<|im_start|>"));
    Path tiny = TestModels.tiny();
    Assumptions.assumeTrue(Files.isRegularFile(tiny), "the shared test model is not at " + tiny);
    GgufValidator.Header t = GgufValidator.validate(tiny);
    assertTrue(t.tensors() > 0 && t.chatTemplate() != null, t.toString());
  }

  @Test
  void theFortyByteFileThatAbortedTheJvmIsRefused() throws Exception {
    // An empty key: llama.cpp's GGML_ASSERT(!key.empty()) exited the process with 134.
    byte[] b = new GgufWriter().header(3, 0, 1).string("").u32(4).u32(7).bytes();
    assertEquals(40, b.length);
    assertTrue(refused(b).contains("is empty"));
  }

  @Test
  void lengthsAndCountsBeyondTheFileAreRefusedBeforeAllocating() throws Exception {
    assertTrue(refused(new GgufWriter().header(3, 0, 1).u64(Long.MAX_VALUE).bytes()).contains("claims"));
    assertTrue(refused(new GgufWriter().header(3, 0, 1_000_000_000L).bytes()).contains("metadata entries"));
    assertTrue(refused(new GgufWriter().header(3, 5_000_000, 0).bytes()).contains("tensors"));
    assertTrue(refused(new GgufWriter().header(3, 0, 1).string("a").u32(9).u32(4).u64(1L << 40).bytes())
        .contains("elements"));
    assertTrue(refused(new GgufWriter().header(3, 0, 1).string("a").u32(9).u32(9).u64(1).bytes())
        .contains("array"));
    assertTrue(refused(new GgufWriter().header(3, 0, 1).string("a").u32(13).raw(new byte[16]).bytes())
        .contains("value type"));
    assertTrue(refused(new GgufWriter().header(3, 0, 2).stringEntry("k", "x").stringEntry("k", "y").bytes())
        .contains("twice"));
    assertTrue(refused(new GgufWriter().header(1, 0, 0).bytes()).contains("version"));
    assertTrue(refused("GGML".getBytes()).contains("'GGUF'"));
    assertTrue(refused(new GgufWriter().header(3, 0, 1).u64(2).raw(new byte[] {(byte) 0xC3, 0x28}).u32(4).u32(1)
        .bytes()).contains("UTF-8"));
  }

  @Test
  void aTruncatedFileOrATensorOutsideItIsRefused() throws Exception {
    byte[] valid = GgufWriter.valid();
    for (int cut : new int[] {3, 10, 30, valid.length / 2, valid.length - 33}) {
      refused(Arrays.copyOf(valid, cut));
    }
    byte[] outside = new GgufWriter().header(3, 1, 0).f32Tensor("w", 1_000, 0).data(64).bytes();
    assertTrue(refused(outside).contains("truncated"));
    byte[] misaligned = new GgufWriter().header(3, 1, 0).f32Tensor("w", 4, 3).data(64).bytes();
    assertTrue(refused(misaligned).contains("alignment"));
    byte[] fiveDims = new GgufWriter().header(3, 1, 0).string("w").u32(5).raw(new byte[64]).bytes();
    assertTrue(refused(fiveDims).contains("dimensions"));
  }

  @Test
  void chatTemplatesOverTheLimitsAreRefusedAndOrdinaryOnesPass() throws Exception {
    String deep = "{% if a %}".repeat(9) + "x" + "{% endif %}".repeat(9);
    assertTrue(refused(withTemplate(deep)).contains("nests blocks 9 deep"));
    assertTrue(refused(withTemplate("{% for i in range(100000000) %}x{% endfor %}")).contains("range"));
    assertTrue(refused(withTemplate("{% for i in range(10**9) %}x{% endfor %}")).contains("range"));
    assertTrue(refused(withTemplate("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")).contains("macro"));
    assertTrue(refused(withTemplate("{{ " + "(".repeat(40) + "1" + ")".repeat(40) + " }}")).contains("brackets"));
    assertTrue(refused(withTemplate("x".repeat(70_000))).contains("characters"));
    String eightDeep = "{% if a %}".repeat(8) + "x" + "{% endif %}".repeat(8)
        + "{% for m in messages %}{% for i in range(3) %}{{ m['content'] }}{% endfor %}{% endfor %}";
    GgufValidator.validate(file(withTemplate(eightDeep)));
  }

  @Test
  void seededMutationsOfAValidFileOnlyEverGiveOurMessage() throws Exception {
    byte[] valid = GgufWriter.valid();
    Random rnd = new Random(5);
    Path p = dir.resolve("mutant.gguf");
    for (int i = 0; i < 3_000; i++) {
      byte[] b = valid.clone();
      for (int f = 1 + rnd.nextInt(4); f > 0; f--) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      Files.write(p, rnd.nextInt(5) == 0 ? Arrays.copyOf(b, rnd.nextInt(b.length)) : b);
      try {
        GgufValidator.validate(p);
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().startsWith("gguf " + p), expected.getMessage());
      }
    }
  }
}
