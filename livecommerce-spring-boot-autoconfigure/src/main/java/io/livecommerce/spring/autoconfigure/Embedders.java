package io.livecommerce.spring.autoconfigure;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.Backends;
import java.util.Arrays;
import org.springframework.util.ClassUtils;

/** Builds the configured embedder; the ONNX one only through a class that is loaded when the module is present. */
final class Embedders {

  private static final String ONNX = "io.livecommerce.embedding.OnnxTextEmbedder";

  private Embedders() {}

  static TextEmbedder create(LiveCommerceProperties.Embedder p, ClassLoader loader) {
    boolean onnxPresent = ClassUtils.isPresent(ONNX, loader);
    switch (p.getType() == null ? LiveCommerceProperties.EmbedderType.AUTO : p.getType()) {
      case HASHING:
        return Backends.embedder(Backends.HASHING);
      case ONNX:
        if (!onnxPresent) {
          throw new IllegalStateException("livecommerce.embedder.type=onnx but livecommerce-embedding is not on the "
              + "class path: add it, or set livecommerce.embedder.type=hashing");
        }
        return OnnxEmbedders.create(p);
      default:
        // Settings beyond the preset need the ONNX builder; otherwise the SDK-wide choice.
        return onnxPresent && customized(p) ? OnnxEmbedders.create(p) : Backends.embedder(Backends.AUTO);
    }
  }

  /** Whether the properties ask for more than the default model (a path, another preset, threads, a cache). */
  static boolean customized(LiveCommerceProperties.Embedder p) {
    return p.getModelPath() != null || !"BGE_SMALL_ZH_Q".equals(p.getPreset().trim()) || p.getThreads() > 0
        || p.getCacheSize() > 0;
  }

  /** Separate so that this class never links against the embedding module unless it is there. */
  static final class OnnxEmbedders {
    private OnnxEmbedders() {}

    static TextEmbedder create(LiveCommerceProperties.Embedder p) {
      io.livecommerce.embedding.OnnxTextEmbedder.Builder b = io.livecommerce.embedding.OnnxTextEmbedder.newBuilder();
      if (p.getModelPath() != null) {
        if (p.getTokenizerPath() == null) {
          throw new IllegalStateException("livecommerce.embedder.model-path is set but tokenizer-path is not");
        }
        b.modelPath(p.getModelPath()).tokenizerPath(p.getTokenizerPath());
      } else {
        io.livecommerce.embedding.ModelPreset preset;
        try {
          preset = io.livecommerce.embedding.ModelPreset.valueOf(p.getPreset().trim());
        } catch (IllegalArgumentException notAPreset) {
          throw new IllegalStateException("livecommerce.embedder.preset '" + p.getPreset() + "' is not one of "
              + Arrays.toString(io.livecommerce.embedding.ModelPreset.values()));
        }
        b.preset(preset);
      }
      if (p.getThreads() > 0) {
        b.threads(p.getThreads());
      }
      b.cacheSize(p.getCacheSize());
      return b.build();
    }
  }
}
