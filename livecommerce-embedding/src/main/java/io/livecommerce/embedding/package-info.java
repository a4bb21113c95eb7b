/** In-process neural text embeddings on DJL and ONNX Runtime. */
package io.livecommerce.embedding;
