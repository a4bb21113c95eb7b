package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.Backends;
import io.livecommerce.facade.LiveCommerce;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With this module on the class path, LiveCommerce's default embedder is the bundled bge-small-zh. */
class DefaultEmbedderTest {

  @Test
  void liveCommerceDefaultsToBgeSmallZhAndClosesIt() {
    TextEmbedder e;
    try (LiveCommerce lc = LiveCommerce.newBuilder().build()) {
      e = lc.embedder();
      assertTrue(e instanceof OnnxTextEmbedder, e.toString());
      assertEquals(512, e.dimension());
    }
    assertThrows(IllegalStateException.class, () -> e.embed("口红"), "closed with LiveCommerce");
  }

  @Test
  void backendsNameTheBundledModelsForEveryEntryPoint() {
    assertEquals(List.of("auto", "bge-small-zh", "all-minilm-l6", "hashing"),
        Backends.embedderNames());
    try (TextEmbedder mini = Backends.embedder("all-minilm-l6")) {
      assertEquals(384, mini.dimension());
      assertTrue(mini.identity().contains("all_minilm_l6"), mini.identity());
    }
  }

  @Test
  void autoChoosesTheModelThatReadsTheTextsLanguage() {
    List<String> english = List.of("libc6 GNU C Library: Shared libraries", "python3 interactive high-level language");
    assertEquals("all-minilm-l6", Backends.embedderName("auto", english));
    assertEquals("bge-small-zh", Backends.embedderName(" AUTO ", List.of("山野 持久眼影盘", "木子 保湿爽肤水")));
    // A name other than auto is itself, whatever the texts.
    assertEquals("bge-small-zh", Backends.embedderName("BGE-small-zh", english));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backends.embedderName("minilm", english));
    assertTrue(e.getMessage().contains("\"minilm\" is not one of [auto, bge-small-zh, all-minilm-l6, hashing]"),
        e.getMessage());
  }

  @Test
  void oneTextInTenWithChineseKeepsTheChineseModel() {
    OnnxEmbedderProvider p = new OnnxEmbedderProvider();
    List<String> texts = new ArrayList<>(Collections.nCopies(9, "wireless earphones"));
    texts.add("蓝牙耳机 wireless");
    assertEquals(Optional.of("bge-small-zh"), p.nameFor(texts), "1 of 10");
    texts.add("running shoes");
    assertEquals(Optional.of("all-minilm-l6"), p.nameFor(texts), "1 of 11");
    // Blank and null texts count for neither language; CJK punctuation alone is not Chinese.
    texts.addAll(Arrays.asList(null, " ", "", null));
    assertEquals(Optional.of("all-minilm-l6"), p.nameFor(texts));
    assertEquals(Optional.of("all-minilm-l6"), p.nameFor(List.of("sale，today！")));
    assertEquals(Optional.empty(), p.nameFor(Arrays.asList(null, " ")), "nothing to read: the provider's default");
    assertEquals("auto", Backends.embedderName("auto", List.of()));
    assertThrows(IllegalArgumentException.class, () -> p.nameFor(null));
  }
}
