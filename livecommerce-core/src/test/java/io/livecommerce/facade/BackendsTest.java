package io.livecommerce.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.script.TemplateScriptGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void coreAloneHasTheHashingEmbedderAndSaysWhatElseThereIs() {
    assertEquals(List.of("auto", "hashing"), Backends.embedderNames());
    try (TextEmbedder auto = Backends.embedder("auto"); TextEmbedder hashing = Backends.embedder("HASHING")) {
      assertTrue(auto instanceof HashingTextEmbedder, auto.toString());
      assertEquals(HashingTextEmbedder.create().identity(), hashing.identity());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.embedder("bge-small-zh"));
    assertTrue(e.getMessage().contains("\"bge-small-zh\" is not one of [auto, hashing] (add livecommerce-embedding"),
        e.getMessage());
    // Without a provider, auto is the hashing embedder whatever the texts; other names are checked all the same.
    assertEquals("hashing", Backends.embedderName("auto", List.of("wireless earphones", "蓝牙耳机")));
    assertEquals("hashing", Backends.embedderName(" Hashing ", List.of()));
    e = assertThrows(IllegalArgumentException.class, () -> Backends.embedderName("bge-small-zh", List.of()));
    assertTrue(e.getMessage().contains("(add livecommerce-embedding"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Backends.embedderName(" ", List.of()));
    e = assertThrows(IllegalArgumentException.class, () -> Backends.embedderName("auto", null));
    assertTrue(e.getMessage().contains("texts"), e.getMessage());
    // Without a configured provider (none in core) the offline template writes scripts.
    assertTrue(Backends.scriptGenerator() instanceof TemplateScriptGenerator);
  }
}
