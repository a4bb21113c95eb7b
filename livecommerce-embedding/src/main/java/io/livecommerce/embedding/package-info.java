/**
 * In-process neural text embeddings: {@link io.livecommerce.embedding.OnnxTextEmbedder} runs bundled BGE and MiniLM
 * models on ONNX Runtime with HuggingFace tokenizers, offline, batch-invariant and thread-safe.
 */
package io.livecommerce.embedding;
