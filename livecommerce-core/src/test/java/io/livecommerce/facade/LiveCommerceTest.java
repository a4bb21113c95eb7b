package io.livecommerce.facade;

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
    LiveCommerce lc = LiveCommerce.newBuilder().embedder(() -> {
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
  void concurrentFirstUseCreatesTheEmbedderOnce() throws Exception {
    AtomicInteger created = new AtomicInteger();
    try (LiveCommerce lc = LiveCommerce.newBuilder().embedder(() -> {
      created.incrementAndGet();
      return new CountingEmbedder();
    }).build()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      try {
        java.util.List<java.util.concurrent.Future<TextEmbedder>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          all.add(pool.submit(() -> {
            start.await();
            return lc.embedder();
          }));
        }
        start.countDown();
        TextEmbedder first = all.get(0).get();
        for (java.util.concurrent.Future<TextEmbedder> f : all) {
          assertSame(first, f.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(1, created.get());
  }

  @Test
  void anEmbedderPassedInIsNotClosed() {
    CountingEmbedder mine = new CountingEmbedder();
    try (LiveCommerce lc = LiveCommerce.newBuilder().embedder(mine).build()) {
      assertSame(mine, lc.embedder());
    }
    assertEquals(0, mine.closes.get());
  }

  @Test
  void coreAloneDefaultsToHashingAndTheTemplateGenerator() {
    try (LiveCommerce lc = LiveCommerce.newBuilder().build()) {
      assertFalse(lc.toString().contains("Hashing"), "not created yet: " + lc);
      assertInstanceOf(HashingTextEmbedder.class, lc.embedder());
      // The offline template needs only core; it used to live in livecommerce-llm, so core alone had no generator.
      assertInstanceOf(io.livecommerce.script.TemplateScriptGenerator.class, lc.scriptGenerator());
    }
  }

  @Test
  void handsOutBuildersWiredToItsEmbedder() {
    io.livecommerce.embed.HashingTextEmbedder embedder = io.livecommerce.embed.HashingTextEmbedder.create();
    try (LiveCommerce lc = LiveCommerce.newBuilder().embedder(embedder).build()) {
      var world = java.util.List.of(new io.livecommerce.recommend.Interaction("u1", "i1", 1, 0),
          new io.livecommerce.recommend.Interaction("u1", "i2", 1, 1),
          new io.livecommerce.recommend.Interaction("u2", "i2", 1, 2));
      var model = lc.implicitRecommender().build().fit(world, java.util.Map.of("i1", "口红", "i2", "面霜", "i3", "口红 新款"));
      assertTrue(model.catalogue().contains("i3"), "item text was embedded with the wired embedder");
      assertFalse(lc.compliance().check("全网最低价").isClean());
      lc.roomRecommender();
      lc.productSelector();
      lc.promotionRanker();
    }
    LiveCommerce closed = LiveCommerce.newBuilder().embedder(embedder).build();
    closed.close();
    assertThrows(IllegalStateException.class, closed::roomRecommender);
  }

  @Test
  void builderRejectsNull() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveCommerce.newBuilder().embedder((TextEmbedder) null));
    assertTrue(e.getMessage().contains("embedder"));
  }
}
