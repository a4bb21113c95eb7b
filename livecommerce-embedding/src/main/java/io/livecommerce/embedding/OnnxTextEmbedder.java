package io.livecommerce.embedding;

import io.livecommerce.ProgressListener;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.embedding.internal.DjlOffline;
import io.livecommerce.internal.Checks;
import io.livecommerce.internal.VectorCache;
import io.livecommerce.math.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text embeddings computed in-process by ONNX Runtime, with HuggingFace tokenizers (through DJL), from models that
 * ship in Maven Central jars. Nothing is downloaded: DJL is switched to offline mode with tracking opted out before
 * it loads (see {@link DjlOffline}).
 *
 * <pre>{@code
 * try (OnnxTextEmbedder embedder = OnnxTextEmbedder.bgeSmallZh()) {
 *   float[] v = embedder.embed("补水保湿面霜");                 // 512 floats, unit length
 *   List<float[]> all = embedder.embedAll(titles, (done, total) -> log(done, total));
 * }
 * }</pre>
 *
 * <p><b>Batch invariance.</b> Every sequence runs alone through the model, with no padding, so a text's vector is
 * the same whatever else is embedded with it — also for the int8 models, which quantize activations over the whole
 * input tensor and so change a sentence's vector when it is padded into a batch. Throughput comes from running
 * sequences concurrently on one shared session (one intra-op thread each), one per core.
 *
 * <p><b>Threads.</b> Thread-safe: any number of threads may share one instance; the ONNX session and tokenizer are
 * shared and safe for concurrent use. {@link #embedAll} uses the calling thread plus up to {@code threads - 1}
 * daemon worker threads, so an unclosed embedder never keeps the JVM alive. {@link #close()} waits for calls in
 * progress, then frees native memory; later calls throw {@link IllegalStateException}.
 *
 * <p><b>Errors.</b> A null or blank text throws {@link IllegalArgumentException} naming it (and its index in a
 * batch). Texts longer than the token limit are truncated by default and counted ({@link #truncatedTexts()}), or
 * chunked and averaged with {@link LongTextPolicy#CHUNK_AND_AVERAGE}.
 */
public final class OnnxTextEmbedder implements TextEmbedder {

  static {
    DjlOffline.apply();
  }

  private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEmbedder.class);
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  private final String name;
  private final OnnxEncoder encoder;
  private final int dimension;
  private final Pooling pooling;
  private final boolean normalize;
  private final boolean lowerCase;
  private final int maxTokens;
  private final LongTextPolicy longTextPolicy;
  private final int threads;
  private final VectorCache cache;
  private final ExecutorService workers;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private OnnxTextEmbedder(Builder b) {
    this.name = b.name();
    this.pooling = b.pooling;
    this.normalize = b.normalize;
    this.lowerCase = b.lowerCase;
    this.maxTokens = b.maxTokens;
    this.longTextPolicy = b.longTextPolicy;
    this.threads = b.threads;
    this.cache = b.cacheSize > 0 ? new VectorCache(b.cacheSize) : null;
    this.encoder = new OnnxEncoder(new OnnxEncoder.Source(name, b.modelPath, b.modelResource, b.tokenizerPath,
        b.tokenizerResource, b.pooling, b.lowerCase, b.maxTokens, b.longTextPolicy, b.intraOpThreads));
    this.dimension = encoder.dimension();
    this.workers = threads > 1
        ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread th = new Thread(r, "livecommerce-embed-" + THREAD_IDS.incrementAndGet());
            th.setDaemon(true);
            return th;
          })
        : null;
    LOG.debug("loaded {}: dimension {}, pooling {}, threads {}", name, dimension, pooling, threads);
  }

  /**
   * The SDK's default embedder: int8 bge-small-zh-v1.5 (512 dimensions, Chinese and lower-cased English), with
   * every core.
   *
   * @throws EmbeddingException if the model cannot be loaded
   */
  public static OnnxTextEmbedder bgeSmallZh() {
    return newBuilder().preset(ModelPreset.BGE_SMALL_ZH_Q).build();
  }

  /**
   * int8 all-MiniLM-L6-v2 (384 dimensions, English only), with every core.
   *
   * @throws EmbeddingException if the model cannot be loaded
   */
  public static OnnxTextEmbedder allMiniLmL6() {
    return newBuilder().preset(ModelPreset.ALL_MINILM_L6_Q).build();
  }

  /** A new builder; set a preset or a model and tokenizer. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    Checks.notBlank(text, "text");
    lifecycle.readLock().lock();
    try {
      checkOpen();
      return embedOne(text);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return embedAll(texts, ProgressListener.NONE);
  }

  /**
   * Embeds many texts on the calling thread and the worker threads, reporting progress as texts finish.
   *
   * @param texts the texts, none null or blank; may be empty
   * @param listener told of progress; called from one thread at a time, {@code done} increasing
   * @return one new vector per text, in order, each equal to {@code embed(text)}
   * @throws IllegalArgumentException if the list, the listener or an element is null, or an element is blank
   * @throws IllegalStateException if the embedder is closed
   * @throws EmbeddingException if inference fails
   */
  public List<float[]> embedAll(List<String> texts, ProgressListener listener) {
    Checks.notNull(texts, "texts");
    Checks.notNull(listener, "listener");
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException(
            "texts[" + i + "] must not be null or blank but was " + Checks.quote(t));
      }
    }
    int n = texts.size();
    float[][] out = new float[n][];
    long truncatedBefore = encoder.truncated();
    lifecycle.readLock().lock();
    try {
      checkOpen();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger finished = new AtomicInteger();
      AtomicBoolean failed = new AtomicBoolean();
      Object progressLock = new Object();
      Runnable worker = () -> {
        int i;
        while (!failed.get() && (i = next.getAndIncrement()) < n) {
          try {
            out[i] = embedOne(texts.get(i));
          } catch (RuntimeException e) {
            failed.set(true);
            throw e;
          }
          synchronized (progressLock) {
            listener.onProgress(finished.incrementAndGet(), n);
          }
        }
      };
      List<Future<?>> futures = new ArrayList<>();
      int helpers = workers == null ? 0 : Math.min(threads - 1, n - 1);
      for (int h = 0; h < helpers; h++) {
        futures.add(workers.submit(worker));
      }
      RuntimeException first = null;
      try {
        worker.run();
      } catch (RuntimeException e) {
        first = e;
      }
      boolean interrupted = false;
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true; // keep waiting: workers use native memory that close() would free
          } catch (ExecutionException e) {
            if (first == null) {
              first = e.getCause() instanceof RuntimeException re
                  ? re : new EmbeddingException("embedding failed", e.getCause());
            }
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (first != null) {
        throw first;
      }
    } finally {
      lifecycle.readLock().unlock();
    }
    long cut = encoder.truncated() - truncatedBefore;
    if (cut > 0) {
      LOG.info("{} of {} texts were longer than {} tokens and were truncated", cut, n, maxTokens);
    }
    return Arrays.asList(out);
  }

  private float[] embedOne(String text) {
    String prepared = encoder.prepare(text);
    if (cache != null) {
      float[] hit = cache.get(prepared);
      if (hit != null) {
        return hit;
      }
    }
    float[] v = encoder.encode(prepared);
    if (normalize) {
      Vectors.normalizeInPlace(v);
    }
    if (cache != null) {
      cache.put(prepared, v);
    }
    return v;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("OnnxTextEmbedder " + name + " is closed");
    }
  }

  /** How many texts were longer than the token limit and truncated, since creation. */
  public long truncatedTexts() {
    return encoder.truncated();
  }

  /** The number of concurrent sequences {@link #embedAll} runs. */
  public int threads() {
    return threads;
  }

  /**
   * Frees the model and tokenizer after calls in progress finish. Idempotent; later calls throw
   * {@link IllegalStateException}.
   */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (workers != null) {
        workers.shutdownNow();
      }
      encoder.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String identity() {
    return "onnx:" + name + "/" + dimension + "/" + pooling.name().toLowerCase(java.util.Locale.ROOT)
        + (normalize ? "/normalized" : "") + (lowerCase ? "/lower" : "") + "/max" + maxTokens + "/"
        + longTextPolicy.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "OnnxTextEmbedder{" + name + ", dimension=" + dimension + ", pooling=" + pooling
        + ", threads=" + threads + (closed ? ", closed" : "") + "}";
  }

  /** Builds an {@link OnnxTextEmbedder}. Not thread-safe. */
  public static final class Builder {
    private ModelPreset preset;
    private String modelResource;
    private String tokenizerResource;
    private Path modelPath;
    private Path tokenizerPath;
    private Pooling pooling; // null: the preset's, else CLS
    private boolean normalize = true;
    private Boolean lowerCase; // null: the preset's, else false
    private int maxTokens = 512;
    private LongTextPolicy longTextPolicy = LongTextPolicy.TRUNCATE;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int intraOpThreads = 1;
    private int cacheSize;

    private Builder() {}

    /**
     * Uses a bundled model and tokenizer with the preset's pooling and lower-casing; {@link #pooling} and {@link
     * #lowerCase} override those whatever the order of the calls. A preset and a model or tokenizer of your own
     * conflict: {@link #build} refuses them.
     */
    public Builder preset(ModelPreset preset) {
      this.preset = Checks.notNull(preset, "preset");
      return this;
    }

    /** An ONNX model file; it must take {@code input_ids} and {@code attention_mask}. */
    public Builder modelPath(Path path) {
      Checks.notNull(path, "modelPath");
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("modelPath " + path + " is not a readable file");
      }
      this.modelPath = path;
      return this;
    }

    /** A HuggingFace {@code tokenizer.json} file. */
    public Builder tokenizerPath(Path path) {
      Checks.notNull(path, "tokenizerPath");
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("tokenizerPath " + path + " is not a readable file");
      }
      this.tokenizerPath = path;
      return this;
    }

    /** An ONNX model on the class path. */
    public Builder modelResource(String resource) {
      this.modelResource = Checks.notBlank(resource, "modelResource");
      return this;
    }

    /** A {@code tokenizer.json} on the class path. */
    public Builder tokenizerResource(String resource) {
      this.tokenizerResource = Checks.notBlank(resource, "tokenizerResource");
      return this;
    }

    /** How token vectors are pooled; default CLS, or the preset's. */
    public Builder pooling(Pooling pooling) {
      this.pooling = Checks.notNull(pooling, "pooling");
      return this;
    }

    /** Whether vectors are scaled to unit length; default true. The TextEmbedder contract expects true. */
    public Builder normalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    /** Whether text is lower-cased before tokenizing; default false, or the preset's. */
    public Builder lowerCase(boolean lowerCase) {
      this.lowerCase = lowerCase;
      return this;
    }

    /** The token limit including special tokens, in [8, 8192]; default 512 (the BERT models' limit). */
    public Builder maxTokens(int maxTokens) {
      this.maxTokens = Checks.inRange(maxTokens, 8, 8192, "maxTokens");
      return this;
    }

    /** What to do with texts over the limit; default {@link LongTextPolicy#TRUNCATE}. */
    public Builder longTextPolicy(LongTextPolicy policy) {
      this.longTextPolicy = Checks.notNull(policy, "longTextPolicy");
      return this;
    }

    /** How many sequences {@code embedAll} runs at once, in [1, 256]; default the number of cores. */
    public Builder threads(int threads) {
      this.threads = Checks.inRange(threads, 1, 256, "threads");
      return this;
    }

    /**
     * ONNX Runtime threads inside one sequence, in [1, 64]; default 1, since sequences already run one per core.
     * Raise it to lower single-text latency when few texts arrive at once.
     */
    public Builder intraOpThreads(int intraOpThreads) {
      this.intraOpThreads = Checks.inRange(intraOpThreads, 1, 64, "intraOpThreads");
      return this;
    }

    /** Keep up to this many vectors by text (least recently used go first); 0, the default, disables it. */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = Checks.nonNegative(cacheSize, "cacheSize");
      return this;
    }

    /**
     * Loads the model and tokenizer.
     *
     * @throws IllegalStateException if neither a preset nor a model and tokenizer were given, or two settings name
     *     the model (or the tokenizer): a preset, a path, a resource
     * @throws IllegalArgumentException if a resource is missing (the message names the jar to add)
     * @throws EmbeddingException if ONNX Runtime or the tokenizer cannot load them
     */
    public OnnxTextEmbedder build() {
      requireOne("the model", preset, modelPath, modelResource, "modelPath", "modelResource");
      requireOne("the tokenizer", preset, tokenizerPath, tokenizerResource, "tokenizerPath", "tokenizerResource");
      Builder r = new Builder();
      r.preset = preset;
      r.modelPath = modelPath;
      r.tokenizerPath = tokenizerPath;
      r.modelResource = preset != null ? preset.modelResource() : modelResource;
      r.tokenizerResource = preset != null ? preset.tokenizerResource() : tokenizerResource;
      r.pooling = pooling != null ? pooling : preset != null ? preset.pooling() : Pooling.CLS;
      r.lowerCase = lowerCase != null ? lowerCase : preset != null && preset.lowerCase();
      r.normalize = normalize;
      r.maxTokens = maxTokens;
      r.longTextPolicy = longTextPolicy;
      r.threads = threads;
      r.intraOpThreads = intraOpThreads;
      r.cacheSize = cacheSize;
      return new OnnxTextEmbedder(r);
    }

    private static void requireOne(String what, ModelPreset preset, Path path, String resource, String pathName,
        String resourceName) {
      List<String> given = new ArrayList<>();
      if (preset != null) {
        given.add("preset(" + preset + ")");
      }
      if (path != null) {
        given.add(pathName + "(" + path + ")");
      }
      if (resource != null) {
        given.add(resourceName + "(" + resource + ")");
      }
      if (given.isEmpty()) {
        throw new IllegalStateException("no " + what.substring(4) + ": call preset(...), " + pathName + "(...) or "
            + resourceName + "(...)");
      }
      if (given.size() > 1) {
        throw new IllegalStateException(String.join(" and ", given) + " both name " + what + "; set one");
      }
    }

    private String name() {
      if (preset != null) {
        return preset.name().toLowerCase(Locale.ROOT);
      }
      return modelPath != null ? modelPath.getFileName().toString() : modelResource;
    }
  }
}
