package io.livecommerce.embedding;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.spi.TextEmbedderProvider;
import java.util.List;

/**
 * Makes {@link OnnxTextEmbedder#bgeSmallZh()} the default embedder of {@link io.livecommerce.facade.LiveCommerce}
 * when this module is on the class path. Loads nothing until {@link #create()}. Thread-safe (stateless).
 */
public final class OnnxEmbedderProvider implements TextEmbedderProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public OnnxEmbedderProvider() {}

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public String name() {
    return "bge-small-zh-v1.5-q (ONNX Runtime)";
  }

  @Override
  public TextEmbedder create() {
    return OnnxTextEmbedder.bgeSmallZh();
  }

  /** {@code bge-small-zh} (the default) and {@code all-minilm-l6}, both quantized, from their Maven Central jars. */
  @Override
  public List<String> names() {
    return List.of("bge-small-zh", "all-minilm-l6");
  }

  @Override
  public TextEmbedder create(String name) {
    return switch (name) {
      case "bge-small-zh" -> OnnxTextEmbedder.bgeSmallZh();
      case "all-minilm-l6" -> OnnxTextEmbedder.allMiniLmL6();
      default -> TextEmbedderProvider.super.create(name);
    };
  }
}
