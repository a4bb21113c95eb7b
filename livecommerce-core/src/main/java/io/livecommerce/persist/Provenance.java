package io.livecommerce.persist;

import io.livecommerce.embed.TextEmbedder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provenance keys every model records, and the check that a model is loaded with the embedder it was trained
 * with. Stateless and thread-safe.
 */
public final class Provenance {

  /** The {@link TextEmbedder#identity()} of the embedder the model was trained with, or {@code none}. */
  public static final String EMBEDDER = "embedder";
  /** The training settings, as {@code key=value} pairs. */
  public static final String CONFIG = "config";
  /** What tuning chose and its validation score, when tuning ran. */
  public static final String TUNING = "tuning";
  /** The SDK version that wrote the file. */
  public static final String WRITER = "writer";

  private static final Logger LOG = LoggerFactory.getLogger(Provenance.class);
  private static final String NONE = "none";

  private Provenance() {}

  /** The provenance of a model trained with {@code embedder} (may be null) and {@code config}. */
  public static Map<String, String> of(TextEmbedder embedder, String config) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(EMBEDDER, embedder == null ? NONE : embedder.identity());
    p.put(CONFIG, config == null ? "" : config);
    p.put(WRITER, "livecommerce 0.1.0-SNAPSHOT");
    return p;
  }

  /**
   * Refuses to load a model with an embedder other than the one it was trained with: both may have the same
   * dimension (hashing and bge-small-zh are both 512) and would then score with unrelated vectors, silently.
   * Files of format 1 carry no provenance and load with a warning.
   *
   * @throws IllegalArgumentException naming both embedders
   */
  public static void requireSameEmbedder(Path file, Map<String, String> provenance, TextEmbedder embedder) {
    String saved = provenance.get(EMBEDDER);
    if (saved == null) {
      LOG.warn("{} was saved without provenance (format 1); cannot check that {} is the embedder it was trained "
          + "with", file, embedder == null ? "no embedder" : embedder.identity());
      return;
    }
    if (saved.equals(NONE) || embedder == null) {
      return; // no text in the model, or the caller scores with vectors of its own
    }
    if (!saved.equals(embedder.identity())) {
      throw new IllegalArgumentException(file + " was trained with embedder '" + saved + "' but is being loaded with '"
          + embedder.identity() + "'; load it with the embedder it was trained with");
    }
  }
}
