package io.livecommerce.embedding.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DJL run offline and without telemetry. DJL reads these settings when its classes initialize, so
 * {@link #apply()} must run before any DJL class is used; the embedder calls it from its static initializer.
 *
 * <p>A value the user set (system property) is kept. Thread-safe and idempotent.
 */
public final class DjlOffline {

  private static final Logger LOG = LoggerFactory.getLogger(DjlOffline.class);

  /** DJL's switch that forbids downloads of models and native libraries. */
  public static final String OFFLINE = "ai.djl.offline";

  /** DJL's switch that disables usage tracking (it contacts a cloud metadata address otherwise). */
  public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

  private static volatile boolean applied;

  private DjlOffline() {}

  /** Sets both switches to {@code true} unless already set. */
  public static synchronized void apply() {
    if (applied) {
      return;
    }
    setIfAbsent(OFFLINE);
    setIfAbsent(OPT_OUT_TRACKING);
    applied = true;
  }

  private static void setIfAbsent(String key) {
    String existing = System.getProperty(key);
    if (existing == null) {
      System.setProperty(key, "true");
      LOG.debug("set system property {}=true", key);
    } else if (!"true".equalsIgnoreCase(existing)) {
      LOG.info("system property {}={} was set by the application; keeping it", key, existing);
    }
  }
}
