package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One embedder per id per JVM, created on first use and closed when the JVM shuts down. Thread-safe. */
final class ExecutorEmbedders {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorEmbedders.class);
  private static final Map<String, TextEmbedder> EMBEDDERS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> EMBEDDERS.values().forEach(e -> {
      try {
        e.close();
      } catch (Exception ex) {
        LOG.warn("closing {} failed", e, ex);
      }
    }), "livecommerce-embedders-close"));
  }

  private ExecutorEmbedders() {}

  static TextEmbedder get(EmbedderFactory factory) {
    return EMBEDDERS.computeIfAbsent(factory.id(), id -> {
      TextEmbedder e = factory.create();
      LOG.info("created embedder {} in this JVM", e);
      return e;
    });
  }
}
