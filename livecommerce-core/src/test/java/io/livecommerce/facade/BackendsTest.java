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
    // Without a configured provider (none in core) the offline template writes scripts.
    assertTrue(Backends.scriptGenerator() instanceof TemplateScriptGenerator);
  }
}
