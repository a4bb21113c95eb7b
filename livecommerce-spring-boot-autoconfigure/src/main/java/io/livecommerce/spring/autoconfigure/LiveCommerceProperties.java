package io.livecommerce.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings under {@code livecommerce.*}. Every key is optional; the defaults are the SDK's own.
 *
 * <pre>
 * livecommerce.embedder.type=onnx            # auto (default), onnx or hashing
 * livecommerce.embedder.preset=BGE_SMALL_ZH_Q
 * livecommerce.llm.provider=DEEPSEEK         # or base-url and model
 * livecommerce.llm.api-key=${DEEPSEEK_API_KEY}
 * livecommerce.llm.gguf=/models/qwen2.5-1.5b-instruct-q4_k_m.gguf
 * livecommerce.compliance.extra-rules=classpath:our-rules.json
 * </pre>
 *
 * <p>Mutable, as Spring binds it; not thread-safe while binding. {@link #toString()} never shows the API key.
 */
@ConfigurationProperties("livecommerce")
public class LiveCommerceProperties {

  private final Embedder embedder = new Embedder();
  private final Llm llm = new Llm();
  private final Compliance compliance = new Compliance();
  private final Recommender recommender = new Recommender();

  /** The text embedder. */
  public Embedder getEmbedder() {
    return embedder;
  }

  /** The language model. */
  public Llm getLlm() {
    return llm;
  }

  /** The advertising-law checker. */
  public Compliance getCompliance() {
    return compliance;
  }

  /** Defaults for the trainers handed out by {@code LiveCommerce}. */
  public Recommender getRecommender() {
    return recommender;
  }

  @Override
  public String toString() {
    return "LiveCommerceProperties{embedder=" + embedder + ", llm=" + llm + ", compliance=" + compliance
        + ", recommender=" + recommender + "}";
  }

  /** Which embedder to build. Thread-safe (an enum). */
  public enum EmbedderType {
    /** The ONNX model when {@code livecommerce-embedding} is present, else the hashing embedder. */
    AUTO,
    /** The ONNX model; startup fails if {@code livecommerce-embedding} is missing. */
    ONNX,
    /** The lexical hashing embedder: no model, no native code. */
    HASHING
  }

  /** Settings of the text embedder. */
  public static class Embedder {
    /** Which embedder: auto (the ONNX model when livecommerce-embedding is present, else hashing), onnx or hashing. */
    private EmbedderType type = EmbedderType.AUTO;

    /** The ONNX model preset, a ModelPreset name (BGE_SMALL_ZH_Q, BGE_SMALL_ZH, ALL_MINILM_L6_Q, ALL_MINILM_L6). Ignored when a model path is set. */
    private String preset = "BGE_SMALL_ZH_Q";

    /** An ONNX model file of your own; set the tokenizer path with it. */
    private Path modelPath;

    /** The tokenizer.json of the model file. */
    private Path tokenizerPath;

    /** Threads for batch embedding; 0 for the number of cores. */
    private int threads;

    /** Texts whose vectors are kept, least recently used going first; 0 for none. */
    private int cacheSize;

    /** See the field. */
    public EmbedderType getType() {
      return type;
    }

    /** See the field. */
    public void setType(EmbedderType type) {
      this.type = type;
    }

    /** See the field. */
    public String getPreset() {
      return preset;
    }

    /** See the field. */
    public void setPreset(String preset) {
      this.preset = preset;
    }

    /** See the field. */
    public Path getModelPath() {
      return modelPath;
    }

    /** See the field. */
    public void setModelPath(Path modelPath) {
      this.modelPath = modelPath;
    }

    /** See the field. */
    public Path getTokenizerPath() {
      return tokenizerPath;
    }

    /** See the field. */
    public void setTokenizerPath(Path tokenizerPath) {
      this.tokenizerPath = tokenizerPath;
    }

    /** See the field. */
    public int getThreads() {
      return threads;
    }

    /** See the field. */
    public void setThreads(int threads) {
      this.threads = threads;
    }

    /** See the field. */
    public int getCacheSize() {
      return cacheSize;
    }

    /** See the field. */
    public void setCacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
    }

    @Override
    public String toString() {
      return "{type=" + type + ", preset=" + preset + ", modelPath=" + modelPath + ", tokenizerPath="
          + tokenizerPath + ", threads=" + threads + ", cacheSize=" + cacheSize + "}";
    }
  }

  /** Settings of the chat client and the script generator. */
  public static class Llm {
    /** A provider preset (DEEPSEEK, QWEN, MOONSHOT, ZHIPU, OLLAMA, VLLM, OPENAI): its base URL and default model. */
    private String provider;

    /** The API base URL, e.g. https://api.deepseek.com/v1; overrides the provider's. */
    private String baseUrl;

    /** The API key. Never logged or shown by the SDK; Actuator masks it. */
    private String apiKey;

    /** The model name; overrides the provider's default. */
    private String model;

    /** Connect timeout per attempt. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Read timeout between bytes, also between streamed chunks. */
    private Duration readTimeout = Duration.ofSeconds(60);

    /** Deadline of a whole call, retries and streaming included. */
    private Duration callTimeout = Duration.ofMinutes(5);

    /** Attempts in all per request, in [1, 20]. */
    private int maxAttempts = 4;

    /** Whether personal data is replaced before it is sent; default on, except for localhost servers. */
    private Boolean redactPii;

    /** A local GGUF model file (needs livecommerce-llm-local); wins over an API when set. */
    private Path gguf;

    /** Threads of the local model. */
    private int threads = 1;

    /** See the field. */
    public String getProvider() {
      return provider;
    }

    /** See the field. */
    public void setProvider(String provider) {
      this.provider = provider;
    }

    /** See the field. */
    public String getBaseUrl() {
      return baseUrl;
    }

    /** See the field. */
    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** See the field. */
    public String getApiKey() {
      return apiKey;
    }

    /** See the field. */
    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    /** See the field. */
    public String getModel() {
      return model;
    }

    /** See the field. */
    public void setModel(String model) {
      this.model = model;
    }

    /** See the field. */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /** See the field. */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /** See the field. */
    public Duration getReadTimeout() {
      return readTimeout;
    }

    /** See the field. */
    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    /** See the field. */
    public Duration getCallTimeout() {
      return callTimeout;
    }

    /** See the field. */
    public void setCallTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
    }

    /** See the field. */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /** See the field. */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** See the field. */
    public Boolean getRedactPii() {
      return redactPii;
    }

    /** See the field. */
    public void setRedactPii(Boolean redactPii) {
      this.redactPii = redactPii;
    }

    /** See the field. */
    public Path getGguf() {
      return gguf;
    }

    /** See the field. */
    public void setGguf(Path gguf) {
      this.gguf = gguf;
    }

    /** See the field. */
    public int getThreads() {
      return threads;
    }

    /** See the field. */
    public void setThreads(int threads) {
      this.threads = threads;
    }

    /** Whether an API endpoint is configured: a provider or a base URL. */
    public boolean endpointConfigured() {
      return (provider != null && !provider.isBlank()) || (baseUrl != null && !baseUrl.isBlank());
    }

    @Override
    public String toString() {
      return "{provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
          + (apiKey == null || apiKey.isEmpty() ? "none" : "****") + ", gguf=" + gguf + "}";
    }
  }

  /** Settings of the advertising-law checker. */
  public static class Compliance {
    /** Rule files in the bundled JSON format, added after the bundled rules, e.g. classpath:our-rules.json. */
    private List<Resource> extraRules = new ArrayList<>();

    /** See the field. */
    public List<Resource> getExtraRules() {
      return extraRules;
    }

    /** See the field. */
    public void setExtraRules(List<Resource> extraRules) {
      this.extraRules = extraRules;
    }

    @Override
    public String toString() {
      return "{extraRules=" + extraRules + "}";
    }
  }

  /** Defaults for the trainers LiveCommerce hands out. */
  public static class Recommender {
    /** Seeds the product selector and promotion ranker; unset keeps their own default (42). */
    private Long seed;

    /** See the field. */
    public Long getSeed() {
      return seed;
    }

    /** See the field. */
    public void setSeed(Long seed) {
      this.seed = seed;
    }

    @Override
    public String toString() {
      return "{seed=" + seed + "}";
    }
  }
}
