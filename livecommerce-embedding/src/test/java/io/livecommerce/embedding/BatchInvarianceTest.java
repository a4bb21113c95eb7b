package io.livecommerce.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A text's vector equals its vector when embedded alone, for every preset, the int8 ones included. */
class BatchInvarianceTest {

  @ParameterizedTest
  @EnumSource(ModelPreset.class)
  void batchedEqualsAlone(ModelPreset preset) {
    List<String> texts = OnnxTextEmbedderTest.texts(24);
    try (OnnxTextEmbedder e = OnnxTextEmbedder.newBuilder().preset(preset).build()) {
      List<float[]> batch = e.embedAll(texts);
      for (int i = 0; i < texts.size(); i++) {
        float[] alone = e.embed(texts.get(i));
        for (int j = 0; j < alone.length; j++) {
          assertEquals(alone[j], batch.get(i)[j], 1e-5, preset + " text " + i);
        }
      }
    }
  }
}
