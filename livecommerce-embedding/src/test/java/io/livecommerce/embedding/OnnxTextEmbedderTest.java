package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.math.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxTextEmbedderTest {

  private static OnnxTextEmbedder bge;

  @BeforeAll
  static void load() {
    bge = OnnxTextEmbedder.bgeSmallZh();
  }

  @AfterAll
  static void close() {
    bge.close();
  }

  static List<String> texts(int n) {
    List<String> out = new ArrayList<>();
    String[] stems = {"补水保湿面霜", "无线蓝牙耳机 降噪", "儿童保温杯 316不锈钢", "Running shoes for men",
        "直播间福利 满300减50", "新疆冰糖心苹果 脆甜", "羽绒服 轻薄保暖 冬季", "Organic green tea gift box"};
    for (int i = 0; i < n; i++) {
      // Lengths vary so that any padding in a batch would show.
      out.add(stems[i % stems.length] + " 第" + i + "号" + " 好物".repeat(i % 5));
    }
    return out;
  }

  @Test
  void vectorsAreUnitLengthWithTheModelsDimension() {
    assertEquals(512, bge.dimension());
    float[] v = bge.embed("补水保湿面霜");
    assertEquals(512, v.length);
    assertEquals(1f, Vectors.norm(v), 1e-5);
    assertArrayEquals(v, bge.embed("补水保湿面霜"), "deterministic");
  }

  @Test
  void lowerCasingByDefaultSoUncasedVocabularyWorks() {
    assertArrayEquals(bge.embed("long sleeve tee"), bge.embed("LONG Sleeve Tee"));
  }

  @Test
  void concurrentCallersGetExactlyTheSingleThreadVectors() throws Exception {
    List<String> texts = texts(200);
    List<float[]> expected = new ArrayList<>();
    try (OnnxTextEmbedder single = OnnxTextEmbedder.newBuilder()
        .preset(ModelPreset.BGE_SMALL_ZH_Q).threads(1).build()) {
      for (String t : texts) {
        expected.add(single.embed(t));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<float[]>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int offset = t;
        futures.add(pool.submit(() -> {
          start.await();
          // Half the threads go one by one in a rotated order, half through embedAll.
          if (offset % 2 == 0) {
            float[][] got = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
              int j = (i + offset * 25) % texts.size();
              got[j] = bge.embed(texts.get(j));
            }
            return Arrays.asList(got);
          }
          return bge.embedAll(texts);
        }));
      }
      start.countDown();
      for (Future<List<float[]>> f : futures) {
        List<float[]> got = f.get();
        for (int i = 0; i < texts.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), "text " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void progressIsReportedInOrderUpToTheTotal() {
    List<String> texts = texts(37);
    List<long[]> calls = new ArrayList<>();
    bge.embedAll(texts, (done, total) -> calls.add(new long[] {done, total}));
    assertEquals(37, calls.size());
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(i + 1, calls.get(i)[0]);
      assertEquals(37, calls.get(i)[1]);
    }
  }

  @Test
  void longTextsAreTruncatedAndCountedOrChunked() {
    String longText = "这款面霜非常保湿，适合干皮和敏感肌使用。".repeat(80); // well over 512 tokens
    long before = bge.truncatedTexts();
    float[] truncatedVector = bge.embed(longText);
    assertEquals(before + 1, bge.truncatedTexts());
    assertEquals(1f, Vectors.norm(truncatedVector), 1e-5);
    try (OnnxTextEmbedder chunking = OnnxTextEmbedder.newBuilder()
        .preset(ModelPreset.BGE_SMALL_ZH_Q).longTextPolicy(LongTextPolicy.CHUNK_AND_AVERAGE).build()) {
      float[] chunked = chunking.embed(longText);
      assertEquals(0, chunking.truncatedTexts());
      assertEquals(1f, Vectors.norm(chunked), 1e-5);
      assertFalse(Arrays.equals(truncatedVector, chunked));
      assertTrue(Vectors.cosine(truncatedVector, chunked) > 0.9, "same content, similar vector");
      String shortText = "补水保湿面霜";
      assertArrayEquals(bge.embed(shortText), chunking.embed(shortText), "short texts are unaffected");
    }
  }

  @Test
  void theBuilderDoesNotDependOnCallOrderAndRefusesTwoModels(@TempDir Path dir) throws Exception {
    try (OnnxTextEmbedder before = OnnxTextEmbedder.newBuilder().pooling(Pooling.MEAN)
            .preset(ModelPreset.BGE_SMALL_ZH_Q).threads(1).build();
        OnnxTextEmbedder after = OnnxTextEmbedder.newBuilder().preset(ModelPreset.BGE_SMALL_ZH_Q)
            .pooling(Pooling.MEAN).threads(1).build()) {
      // pooling(...) before preset(...) was silently replaced by the preset's CLS.
      assertTrue(before.identity().contains("/mean"), before.identity());
      assertEquals(before.identity(), after.identity());
      assertArrayEquals(before.embed("补水面霜"), after.embed("补水面霜"));
    }
    Path model = Files.writeString(dir.resolve("m.onnx"), "x");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OnnxTextEmbedder.newBuilder().preset(ModelPreset.BGE_SMALL_ZH_Q).modelPath(model).build());
    assertTrue(e.getMessage().contains("preset(BGE_SMALL_ZH_Q) and modelPath(") && e.getMessage().contains(
        "both name the model"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> OnnxTextEmbedder.newBuilder().modelPath(model).build());
    assertTrue(e.getMessage().startsWith("no tokenizer"), e.getMessage());
  }

  @Test
  void cacheReturnsEqualCopies() {
    try (OnnxTextEmbedder cached = OnnxTextEmbedder.newBuilder()
        .preset(ModelPreset.BGE_SMALL_ZH_Q).cacheSize(10).build()) {
      float[] a = cached.embed("补水保湿面霜");
      a[0] = 42;
      float[] b = cached.embed("补水保湿面霜");
      assertNotEquals(42f, b[0], "cache hands out copies");
      assertArrayEquals(bge.embed("补水保湿面霜"), b);
    }
  }

  @Test
  void badInputAndLifecycle() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bge.embed(" "));
    assertTrue(e.getMessage().contains("text"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> bge.embedAll(Arrays.asList("口红", "")));
    assertTrue(e.getMessage().contains("texts[1]"), e.getMessage());
    assertEquals(List.of(), bge.embedAll(List.of()));
    e = assertThrows(IllegalArgumentException.class,
        () -> OnnxTextEmbedder.newBuilder().modelResource("nope.onnx").tokenizerResource("nope.json").build());
    assertTrue(e.getMessage().contains("nope.onnx"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> OnnxTextEmbedder.newBuilder().build());
    assertThrows(IllegalArgumentException.class, () -> OnnxTextEmbedder.newBuilder().threads(0));
    assertThrows(IllegalArgumentException.class, () -> OnnxTextEmbedder.newBuilder().maxTokens(4));

    OnnxTextEmbedder closing = OnnxTextEmbedder.allMiniLmL6();
    assertEquals(384, closing.dimension());
    closing.close();
    closing.close();
    IllegalStateException s = assertThrows(IllegalStateException.class, () -> closing.embed("hello"));
    assertTrue(s.getMessage().contains("closed"), s.getMessage());
    assertThrows(IllegalStateException.class, () -> closing.embedAll(List.of("hello")));
  }

  @Test
  void workerThreadsAreDaemons() {
    bge.embedAll(texts(8));
    long nonDaemon = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("livecommerce-embed-"))
        .filter(t -> !t.isDaemon())
        .count();
    assertEquals(0, nonDaemon);
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("livecommerce-embed-")), "workers exist");
  }
}
