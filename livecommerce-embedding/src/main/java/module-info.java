/** Text embeddings on ONNX Runtime with HuggingFace tokenizers; the default embedder when present. */
@SuppressWarnings("requires-automatic") // ONNX Runtime and DJL are automatic modules
module io.livecommerce.embedding {
  requires transitive io.livecommerce.core;
  requires com.microsoft.onnxruntime;
  requires ai.djl.tokenizers;
  requires org.slf4j;

  exports io.livecommerce.embedding;

  provides io.livecommerce.spi.TextEmbedderProvider with io.livecommerce.embedding.OnnxEmbedderProvider;
}
