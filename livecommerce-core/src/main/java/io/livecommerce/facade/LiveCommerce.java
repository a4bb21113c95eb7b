package io.livecommerce.facade;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.HybridRoomTrainer;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.selection.RegressionProductSelector;
import io.livecommerce.selection.RegressionPromotionRanker;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's entry point: wires a text embedder and a script generator, created on first use, and hands out the
 * recommender, selector and ranker builders already wired to that embedder.
 *
 * <pre>{@code
 * try (LiveCommerce lc = LiveCommerce.newBuilder().build()) {
 *   HybridRoomRecommender rooms = lc.roomRecommender().anchors(anchors).train(pastRooms, watchEvents);
 *   RegressionProductSelector selector = lc.productSelector().train(products, sales, anchors);
 *   LiveScript script = lc.scriptGenerator().generate(request);
 *   ComplianceReport report = lc.compliance().check(script.text());
 * }
 * }</pre>
 *
 * <p>Defaults come from {@link Backends}: the embedder is {@code Backends.embedder("auto")} (the bundled
 * bge-small-zh model when {@code livecommerce-embedding} is present, else the hashing embedder) and the script
 * generator {@link Backends#scriptGenerator()} (the offline template generator when {@code livecommerce-llm} is
 * present). Nothing heavy is loaded until first used.
 *
 * <p>Thread-safe: any number of threads may call it; each component is created once. {@link #close()} closes the
 * embedder if this instance created it.
 */
public final class LiveCommerce implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveCommerce.class);

  private final Supplier<TextEmbedder> embedderFactory;
  private final boolean ownsEmbedder;
  private final Supplier<ScriptGenerator> scriptFactory;
  private final ComplianceChecker checker;
  private final Long seed;
  private final Object lock = new Object();
  private TextEmbedder embedder;
  private ScriptGenerator scriptGenerator;
  private boolean closed;

  private LiveCommerce(Builder b) {
    this.embedderFactory = b.embedderFactory;
    this.ownsEmbedder = b.ownsEmbedder;
    this.scriptFactory = b.scriptFactory;
    this.checker = b.checker;
    this.seed = b.seed;
  }

  /** A new builder with the defaults described on this class. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The text embedder, created on first call.
   *
   * @throws IllegalStateException if this instance is closed
   */
  public TextEmbedder embedder() {
    synchronized (lock) {
      checkOpen();
      if (embedder == null) {
        embedder = Checks.notNull(embedderFactory.get(), "embedder from factory");
      }
      return embedder;
    }
  }

  /**
   * The script generator, created on first call.
   *
   * @throws IllegalStateException if this instance is closed, or no generator was set and none is on the class path
   */
  public ScriptGenerator scriptGenerator() {
    synchronized (lock) {
      checkOpen();
      if (scriptGenerator == null) {
        scriptGenerator = Checks.notNull(scriptFactory.get(), "script generator from factory");
      }
      return scriptGenerator;
    }
  }

  /**
   * A room recommender builder wired to this instance's embedder; add the training data with
   * {@link HybridRoomTrainer#train}.
   *
   * @throws IllegalStateException if this instance is closed
   */
  public HybridRoomTrainer roomRecommender() {
    return HybridRoomRecommender.newBuilder().embedder(embedder());
  }

  /**
   * A product selector builder wired to this instance's embedder.
   *
   * @throws IllegalStateException if this instance is closed
   */
  public RegressionProductSelector.Builder productSelector() {
    RegressionProductSelector.Builder b = RegressionProductSelector.newBuilder().embedder(embedder());
    return seed == null ? b : b.seed(seed);
  }

  /**
   * A promotion ranker builder wired to this instance's embedder.
   *
   * @throws IllegalStateException if this instance is closed
   */
  public RegressionPromotionRanker.Builder promotionRanker() {
    RegressionPromotionRanker.Builder b = RegressionPromotionRanker.newBuilder().embedder(embedder());
    return seed == null ? b : b.seed(seed);
  }

  /**
   * A recommender for any (user, item, weight, time) log, wired to this instance's embedder for item text.
   *
   * @throws IllegalStateException if this instance is closed
   */
  public ImplicitRecommender.Builder implicitRecommender() {
    return ImplicitRecommender.newBuilder().embedder(embedder());
  }

  /** The advertising-law checker: the one given to the builder, else the bundled rules (loaded once per JVM). */
  public ComplianceChecker compliance() {
    return checker != null ? checker : ComplianceChecker.bundled();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("LiveCommerce is closed");
    }
  }

  /** Closes the embedder if this instance created it. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (embedder != null && ownsEmbedder) {
        embedder.close();
      }
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "LiveCommerce{embedder=" + (embedder == null ? "(not created)" : embedder)
          + ", scriptGenerator=" + (scriptGenerator == null ? "(not created)" : scriptGenerator)
          + (closed ? ", closed" : "") + "}";
    }
  }

  /** Builds a {@link LiveCommerce}. Not thread-safe. */
  public static final class Builder {
    private Supplier<TextEmbedder> embedderFactory = () -> Backends.embedder(Backends.AUTO);
    private boolean ownsEmbedder = true;
    private Supplier<ScriptGenerator> scriptFactory = Backends::scriptGenerator;
    private ComplianceChecker checker;
    private Long seed;

    private Builder() {}

    /**
     * Uses {@code embedder}; the caller keeps ownership and closes it.
     *
     * @throws IllegalArgumentException if {@code embedder} is null
     */
    public Builder embedder(TextEmbedder embedder) {
      Checks.notNull(embedder, "embedder");
      this.embedderFactory = () -> embedder;
      this.ownsEmbedder = false;
      return this;
    }

    /**
     * Creates the embedder with {@code factory} on first use; {@link LiveCommerce#close()} closes it.
     *
     * @throws IllegalArgumentException if {@code factory} is null
     */
    public Builder embedder(Supplier<? extends TextEmbedder> factory) {
      Checks.notNull(factory, "factory");
      this.embedderFactory = factory::get;
      this.ownsEmbedder = true;
      return this;
    }

    /**
     * Uses {@code generator} for scripts.
     *
     * @throws IllegalArgumentException if {@code generator} is null
     */
    public Builder scriptGenerator(ScriptGenerator generator) {
      Checks.notNull(generator, "generator");
      this.scriptFactory = () -> generator;
      return this;
    }

    /**
     * Uses {@code checker} for {@link LiveCommerce#compliance()} (e.g. the bundled rules plus your own).
     *
     * @throws IllegalArgumentException if {@code checker} is null
     */
    public Builder compliance(ComplianceChecker checker) {
      this.checker = Checks.notNull(checker, "checker");
      return this;
    }

    /** Seeds the product selector and promotion ranker builders handed out; default: their own defaults. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the instance; loads nothing yet. */
    public LiveCommerce build() {
      return new LiveCommerce(this);
    }
  }
}
