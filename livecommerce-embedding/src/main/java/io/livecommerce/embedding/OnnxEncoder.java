package io.livecommerce.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.livecommerce.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded model and its tokenizer: turns a text into its pooled, not yet normalized vector, truncating or
 * chunking texts over the token limit. {@link OnnxTextEmbedder} adds what serving needs around it (threads, cache,
 * normalization, the lifecycle). Thread-safe for {@link #encode} until {@link #close()}; closing is the caller's to
 * order after calls in progress.
 */
final class OnnxEncoder {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxEncoder.class);

  private final String name;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypeIds;
  private final String outputName;
  private final int dimension;
  private final Pooling pooling;
  private final boolean lowerCase;
  private final int maxTokens;
  private final LongTextPolicy longTextPolicy;
  private final AtomicLong truncated = new AtomicLong();

  /** Where the model and tokenizer come from, and how to run them. Exactly one of each path and resource is set. */
  record Source(String name, Path modelPath, String modelResource, Path tokenizerPath, String tokenizerResource,
      Pooling pooling, boolean lowerCase, int maxTokens, LongTextPolicy longTextPolicy, int intraOpThreads) {}

  /**
   * Loads the model and tokenizer.
   *
   * @throws EmbeddingException if ONNX Runtime or the tokenizer cannot load them, or the model lacks an input
   * @throws IllegalArgumentException if a resource is missing (naming the jar to add)
   */
  OnnxEncoder(Source s) {
    this.name = s.name();
    this.pooling = s.pooling();
    this.lowerCase = s.lowerCase();
    this.maxTokens = s.maxTokens();
    this.longTextPolicy = s.longTextPolicy();
    OrtSession session = null;
    HuggingFaceTokenizer tokenizer = null;
    try {
      this.env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "livecommerce");
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(s.intraOpThreads());
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = s.modelPath() != null
            ? env.createSession(s.modelPath().toString(), options)
            : env.createSession(readResource(s.modelResource(), "model"), options);
      }
      // Truncation is ours (to count and optionally chunk); maxLength only silences DJL's "not specified" warning.
      Map<String, String> tokenizerOptions = Map.of(
          "padding", "false", "truncation", "false", "maxLength", String.valueOf(s.maxTokens()));
      if (s.tokenizerPath() != null) {
        tokenizer = HuggingFaceTokenizer.newInstance(s.tokenizerPath(), tokenizerOptions);
      } else {
        try (InputStream in = open(s.tokenizerResource(), "tokenizer")) {
          tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
        }
      }
      this.session = session;
      this.tokenizer = tokenizer;
      this.wantsTokenTypeIds = session.getInputNames().contains("token_type_ids");
      for (String required : List.of("input_ids", "attention_mask")) {
        if (!session.getInputNames().contains(required)) {
          throw new EmbeddingException(
              "model " + name + " has inputs " + session.getInputNames() + " but needs " + required);
        }
      }
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      this.outputName = outputs.containsKey("last_hidden_state")
          ? "last_hidden_state" : outputs.keySet().iterator().next();
      long[] shape = ((TensorInfo) outputs.get(outputName).getInfo()).getShape();
      if (shape.length != 3 || shape[2] <= 0) {
        throw new EmbeddingException("model " + name + " output " + outputName + " has shape "
            + Arrays.toString(shape) + "; expected [batch, tokens, hidden]");
      }
      this.dimension = (int) shape[2];
    } catch (OrtException | IOException e) {
      closeQuietly(session, tokenizer);
      throw new EmbeddingException("could not load embedding model " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session, tokenizer);
      throw e;
    }
  }

  int dimension() {
    return dimension;
  }

  /** How many texts were longer than the token limit and truncated. */
  long truncated() {
    return truncated.get();
  }

  /** The text as the tokenizer sees it (lower-cased when the model is uncased): the cache's key. */
  String prepare(String text) {
    return lowerCase ? text.toLowerCase(Locale.ROOT) : text;
  }

  /** The pooled vector of a text {@link #prepare}d, not normalized. */
  float[] encode(String prepared) {
    Encoding enc = tokenizer.encode(prepared, true, false);
    long[] ids = enc.getIds();
    if (ids.length <= maxTokens) {
      return run(ids, enc.getTypeIds());
    }
    if (longTextPolicy == LongTextPolicy.TRUNCATE) {
      truncated.incrementAndGet();
      LOG.debug("text of {} tokens truncated to {}", ids.length, maxTokens);
      long[] cut = Arrays.copyOf(ids, maxTokens);
      cut[maxTokens - 1] = ids[ids.length - 1]; // keep the closing [SEP]
      return run(cut, new long[maxTokens]);
    }
    return chunkAndAverage(ids);
  }

  /** Windows of {@code maxTokens - 2} inner tokens, each framed by the text's first and last special tokens. */
  private float[] chunkAndAverage(long[] ids) {
    int inner = ids.length - 2;
    int window = maxTokens - 2;
    float[] sum = new float[dimension];
    for (int from = 0; from < inner; from += window) {
      int len = Math.min(window, inner - from);
      long[] chunk = new long[len + 2];
      chunk[0] = ids[0];
      System.arraycopy(ids, 1 + from, chunk, 1, len);
      chunk[len + 1] = ids[ids.length - 1];
      float[] part = run(chunk, new long[chunk.length]);
      for (int j = 0; j < dimension; j++) {
        sum[j] += part[j] * len;
      }
    }
    for (int j = 0; j < dimension; j++) {
      sum[j] /= inner;
    }
    return sum;
  }

  /** One sequence through the model, pooled on plain arrays. */
  private float[] run(long[] ids, long[] typeIds) {
    int len = ids.length;
    long[] shape = {1, len};
    long[] mask = new long[len];
    Arrays.fill(mask, 1L);
    Map<String, OnnxTensor> inputs = new HashMap<>(4);
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (wantsTokenTypeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(typeIds), shape));
      }
      try (OrtSession.Result result = session.run(inputs, java.util.Set.of(outputName))) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] v = new float[dimension];
        if (pooling == Pooling.CLS) {
          hidden.get(0, v, 0, dimension);
        } else {
          float[] row = new float[dimension];
          for (int t = 0; t < len; t++) {
            hidden.get(t * dimension, row, 0, dimension);
            for (int j = 0; j < dimension; j++) {
              v[j] += row[j];
            }
          }
          float inv = 1f / len;
          for (int j = 0; j < dimension; j++) {
            v[j] *= inv;
          }
        }
        return v;
      }
    } catch (OrtException e) {
      throw new EmbeddingException("inference failed in " + name + ": " + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : inputs.values()) {
        t.close();
      }
    }
  }

  /** Frees the session and tokenizer; the caller makes sure no {@link #encode} is running. */
  void close() {
    closeQuietly(session, tokenizer);
  }

  private static void closeQuietly(OrtSession s, HuggingFaceTokenizer t) {
    if (s != null) {
      try {
        s.close();
      } catch (OrtException e) {
        LOG.debug("closing ONNX session failed", e);
      }
    }
    if (t != null) {
      t.close();
    }
  }

  private static byte[] readResource(String resource, String what) throws IOException {
    try (InputStream in = open(resource, what)) {
      return in.readAllBytes();
    }
  }

  private static InputStream open(String resource, String what) {
    InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      String hint = Arrays.stream(ModelPreset.values())
          .filter(p -> p.modelResource().equals(resource) || p.tokenizerResource().equals(resource))
          .map(p -> "; add " + p.artifact() + " to the class path")
          .findFirst()
          .orElse("");
      throw new IllegalArgumentException(what + " resource " + Checks.quote(resource) + " not found on the class path"
          + hint);
    }
    return in;
  }
}
