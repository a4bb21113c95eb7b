package io.livecommerce.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HashingTextEmbedderTest {

  private final HashingTextEmbedder e = HashingTextEmbedder.create();

  @Test
  void unitLengthDeterministicAndBatchInvariant() {
    List<String> texts = List.of("补水保湿面霜 敏感肌可用", "Wireless earbuds with noise cancelling", "儿童 保温杯 316不锈钢");
    List<float[]> batch = e.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = e.embed(texts.get(i));
      assertEquals(512, alone.length);
      assertEquals(1f, Vectors.norm(alone), 1e-5);
      assertArrayEquals(alone, batch.get(i));
      assertArrayEquals(alone, HashingTextEmbedder.create().embed(texts.get(i)), "same text, same vector");
    }
  }

  @Test
  void sharedCharactersAndWordsRaiseCosine() {
    float[] q = e.embed("保湿面霜");
    float[] near = e.embed("这款面霜特别保湿");
    float[] far = e.embed("蓝牙耳机 降噪");
    assertTrue(Vectors.cosine(q, near) > Vectors.cosine(q, far) + 0.2);
    float[] en = e.embed("noise cancelling earbuds");
    assertTrue(Vectors.cosine(en, e.embed("Earbuds, NOISE cancelling!")) > 0.6, "case and punctuation folded");
  }

  @Test
  void fullWidthFoldsToHalfWidth() {
    assertArrayEquals(e.embed("iPhone 15"), e.embed("ｉＰｈｏｎｅ　１５"));
  }

  @Test
  void featurelessTextIsTheZeroVectorAndBlankIsRejected() {
    float[] z = e.embed("!!! ...");
    for (float x : z) {
      assertEquals(0f, x);
    }
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.embed("  "));
    assertTrue(ex.getMessage().contains("text"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> e.embedAll(java.util.Arrays.asList("a", null)));
    assertTrue(ex.getMessage().contains("texts[1]"), ex.getMessage());
  }

  @Test
  void builderValidatesAndSeedChangesVectors() {
    assertThrows(IllegalArgumentException.class, () -> HashingTextEmbedder.newBuilder().dimension(8));
    assertThrows(IllegalArgumentException.class, () -> HashingTextEmbedder.newBuilder().cjkMaxN(0));
    HashingTextEmbedder other = HashingTextEmbedder.newBuilder().dimension(64).seed(9).build();
    assertEquals(64, other.embed("口红").length);
  }

  @Test
  void closedEmbedderThrows() {
    HashingTextEmbedder c = HashingTextEmbedder.create();
    c.close();
    assertThrows(IllegalStateException.class, () -> c.embed("口红"));
  }

  @Test
  void sharedAcrossThreadsGivesTheSingleThreadVectors() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add("商品" + i + " 限时 优惠 item " + (i * 7));
    }
    List<float[]> expected = e.embedAll(texts);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<float[]>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> e.embedAll(texts)));
      }
      for (Future<List<float[]>> f : futures) {
        List<float[]> got = f.get();
        for (int i = 0; i < texts.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
