package io.livecommerce.spi;

import io.livecommerce.embed.TextEmbedder;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Supplies the default {@link TextEmbedder} when a module that has one is on the class path (found with
 * {@link java.util.ServiceLoader}). {@code livecommerce-embedding} provides its bundled ONNX model this way.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to construct (load nothing until
 * {@link #create()}), and be thread-safe.
 */
public interface TextEmbedderProvider {

  /** Higher wins when several providers are present. The core's hashing fallback is not a provider. */
  int priority();

  /** A short name for logs, e.g. "bge-small-zh-v1.5-q". */
  String name();

  /** Creates a new embedder; the caller closes it. */
  TextEmbedder create();

  /**
   * The embedders this provider makes by name (for example {@code bge-small-zh}), for {@link
   * io.livecommerce.facade.Backends#embedder(String)}; empty (the default) when it makes only its default.
   */
  default List<String> names() {
    return List.of();
  }

  /**
   * Creates the embedder called {@code name}, one of {@link #names()}; the caller closes it.
   *
   * @throws IllegalArgumentException if this provider has no embedder of that name
   */
  default TextEmbedder create(String name) {
    throw new IllegalArgumentException(name() + " makes no embedder called " + name);
  }

  /**
   * Which of {@link #names()} suits these texts best, for {@link io.livecommerce.facade.Backends#embedderName}; for
   * example a Chinese model for Chinese texts and an English one for English texts. Null and blank texts are
   * ignored. Cheap: reads the texts, loads nothing.
   *
   * @param texts the texts to be embedded; not null
   * @return a name from {@link #names()}, or empty (the default) when {@link #create()}'s embedder suits any texts
   */
  default Optional<String> nameFor(Collection<String> texts) {
    return Optional.empty();
  }
}
