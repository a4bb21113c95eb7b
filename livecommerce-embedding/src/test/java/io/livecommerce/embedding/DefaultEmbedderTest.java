package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.Backends;
import io.livecommerce.facade.LiveCommerce;
import java.util.List;
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
}
