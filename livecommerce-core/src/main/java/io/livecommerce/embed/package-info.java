/**
 * Text embeddings: the {@link io.livecommerce.embed.TextEmbedder} interface and the zero-dependency
 * {@link io.livecommerce.embed.HashingTextEmbedder}. Neural embedders live in {@code livecommerce-embedding}.
 */
package io.livecommerce.embed;
