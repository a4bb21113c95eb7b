package io.livecommerce.spring.autoconfigure;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.script.ScriptGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the SDK's beans: the embedder answers (one short text embedded; no network), and which script backend
 * is configured (the local model file, the API base URL and model, or the offline template). Never calls a paid API
 * and never shows the key. Thread-safe.
 */
public class LiveCommerceHealthIndicator extends AbstractHealthIndicator {

  private final TextEmbedder embedder;
  private final ObjectProvider<ScriptGenerator> scripts;
  private final LiveCommerceProperties properties;

  /** An indicator over the application's beans. */
  public LiveCommerceHealthIndicator(TextEmbedder embedder, ObjectProvider<ScriptGenerator> scripts,
      LiveCommerceProperties properties) {
    super("livecommerce health check failed");
    this.embedder = embedder;
    this.scripts = scripts;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    float[] v = embedder.embed("直播");
    builder.withDetail("embedder", embedder.identity()).withDetail("dimension", v.length);
    LiveCommerceProperties.Llm llm = properties.getLlm();
    String backend;
    if (llm.getGguf() != null) {
      backend = "local model " + llm.getGguf().getFileName();
    } else if (llm.endpointConfigured()) {
      backend = "API " + (llm.getBaseUrl() != null ? llm.getBaseUrl() : llm.getProvider())
          + (llm.getModel() != null ? " model " + llm.getModel() : "");
    } else {
      backend = "offline template";
    }
    builder.withDetail("scripts", backend);
    ScriptGenerator g = scripts.getIfAvailable();
    builder.withDetail("scriptGenerator", g == null ? "none" : g.getClass().getSimpleName());
    builder.up();
  }
}
