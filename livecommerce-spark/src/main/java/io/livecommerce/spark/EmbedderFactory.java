package io.livecommerce.spark;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.Backends;
import io.livecommerce.spi.TextEmbedderProvider;
import java.io.Serializable;


/**
 * Makes the embedder on each executor. Shipped to executors by serialization; each executor JVM creates one embedder
 * per {@link #id()} and shares it among its tasks (embedders are thread-safe), closing it when the JVM ends.
 *
 * <p>Implementations must be serializable and thread-safe.
 */
public interface EmbedderFactory extends Serializable {

  /** Identifies the embedder: factories with the same id share one embedder per executor JVM. */
  String id();

  /** Creates the embedder; called once per executor JVM and id. */
  TextEmbedder create();

  /**
   * The SDK's default embedder on each executor: the highest-priority {@link TextEmbedderProvider} on the class
   * path (bge-small-zh when {@code livecommerce-embedding} is in the job's jar), else the hashing embedder.
   */
  static EmbedderFactory defaultEmbedder() {
    return new EmbedderFactory() {
      private static final long serialVersionUID = 1L;

      @Override
      public String id() {
        return "default";
      }

      @Override
      public TextEmbedder create() {
        return Backends.embedder(Backends.AUTO);
      }
    };
  }

  /** The hashing embedder with its defaults: no model files, identical on every machine. */
  static EmbedderFactory hashing() {
    return new EmbedderFactory() {
      private static final long serialVersionUID = 1L;

      @Override
      public String id() {
        return "hashing-default";
      }

      @Override
      public TextEmbedder create() {
        return HashingTextEmbedder.create();
      }
    };
  }
}
