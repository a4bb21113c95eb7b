package io.livecommerce.embedding;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.spi.TextEmbedderProvider;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@link OnnxTextEmbedder#bgeSmallZh()} the default embedder of {@link io.livecommerce.facade.LiveCommerce}
 * when this module is on the class path, and {@link #nameFor} picks the English model for texts that are not Chinese.
 * Loads nothing until {@link #create()}. Thread-safe (stateless).
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

  /**
   * {@code all-minilm-l6} (English) when fewer than one in ten of the non-blank texts has a Chinese character, else
   * {@code bge-small-zh}; empty when no text is non-blank. bge-small-zh reads English, but less well than an English
   * model (on Debian's English package descriptions its recommendations score NDCG@10 0.6182 against MiniLM's
   * 0.6213); MiniLM cannot read Chinese, so a catalogue with some Chinese keeps the Chinese model.
   *
   * @throws IllegalArgumentException if {@code texts} is null
   */
  @Override
  public Optional<String> nameFor(Collection<String> texts) {
    if (texts == null) {
      throw new IllegalArgumentException("texts must not be null");
    }
    long nonBlank = 0;
    long chinese = 0;
    for (String t : texts) {
      if (t != null && !t.isBlank()) {
        nonBlank++;
        chinese += t.codePoints().anyMatch(OnnxEmbedderProvider::isHan) ? 1 : 0;
      }
    }
    if (nonBlank == 0) {
      return Optional.empty();
    }
    return Optional.of(chinese * 10 < nonBlank ? "all-minilm-l6" : "bge-small-zh");
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
