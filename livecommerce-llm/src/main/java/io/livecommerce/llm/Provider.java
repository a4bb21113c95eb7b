package io.livecommerce.llm;

/**
 * OpenAI-compatible providers that Chinese teams call, as base URL, default model and the environment variable that
 * usually holds the key. Thread-safe (an enum).
 */
public enum Provider {
  /** DeepSeek. */
  DEEPSEEK("https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY", false),
  /** Alibaba Qwen through DashScope's compatible mode. */
  QWEN("https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus", "DASHSCOPE_API_KEY", false),
  /** Moonshot (Kimi). */
  MOONSHOT("https://api.moonshot.cn/v1", "moonshot-v1-8k", "MOONSHOT_API_KEY", false),
  /** Zhipu GLM. */
  ZHIPU("https://open.bigmodel.cn/api/paas/v4", "glm-4-flash", "ZHIPUAI_API_KEY", false),
  /** A local Ollama server. */
  OLLAMA("http://localhost:11434/v1", "qwen2.5:7b", "OLLAMA_API_KEY", true),
  /** A local vLLM server. */
  VLLM("http://localhost:8000/v1", "Qwen/Qwen2.5-7B-Instruct", "VLLM_API_KEY", true),
  /** OpenAI. */
  OPENAI("https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY", false);

  private final String baseUrl;
  private final String defaultModel;
  private final String keyVariable;
  private final boolean local;

  Provider(String baseUrl, String defaultModel, String keyVariable, boolean local) {
    this.baseUrl = baseUrl;
    this.defaultModel = defaultModel;
    this.keyVariable = keyVariable;
    this.local = local;
  }

  /** The API base URL, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** A sensible default model. */
  public String defaultModel() {
    return defaultModel;
  }

  /** The environment variable that conventionally holds the key. */
  public String keyVariable() {
    return keyVariable;
  }

  /** Whether the server runs on the user's own machine (PII redaction is then off by default). */
  public boolean local() {
    return local;
  }
}
