package io.livecommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveCommerceTest {

  /** An embedder that counts how often it was created and closed. */
  private static final class CountingEmbedder implements TextEmbedder {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public float[] embed(String text) {
      return new float[] {1, 0, 0, 0};
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void embedderIsCreatedLazilyOnceAndClosedWhenOwned() {
    AtomicInteger created = new AtomicInteger();
    CountingEmbedder inner = new CountingEmbedder();
    LiveCommerce lc = LiveCommerce.builder().embedder(() -> {
      created.incrementAndGet();
      return inner;
    }).build();
    assertEquals(0, created.get(), "nothing loads at build time");
    assertSame(lc.embedder(), lc.embedder());
    assertEquals(1, created.get());
    lc.close();
    lc.close();
    assertEquals(1, inner.closes.get());
    assertThrows(IllegalStateException.class, lc::embedder);
  }

  @Test
  void anEmbedderPassedInIsNotClosed() {
    CountingEmbedder mine = new CountingEmbedder();
    try (LiveCommerce lc = LiveCommerce.builder().embedder(mine).build()) {
      assertSame(mine, lc.embedder());
    }
    assertEquals(0, mine.closes.get());
  }

  @Test
  void defaultsToHashingWithoutEmbeddingModuleAndExplainsMissingScriptGenerator() {
    try (LiveCommerce lc = LiveCommerce.builder().build()) {
      assertFalse(lc.toString().contains("Hashing"), "not created yet: " + lc);
      assertInstanceOf(HashingTextEmbedder.class, lc.embedder());
      IllegalStateException e = assertThrows(IllegalStateException.class, lc::scriptGenerator);
      assertTrue(e.getMessage().contains("livecommerce-llm"), e.getMessage());
    }
  }

  @Test
  void builderRejectsNull() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveCommerce.builder().embedder((TextEmbedder) null));
    assertTrue(e.getMessage().contains("embedder"));
  }
}
