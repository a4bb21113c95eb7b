/**
 * The OpenAI-compatible chat client ({@link io.livecommerce.llm.ChatClient}), its typed errors, provider presets,
 * and {@link io.livecommerce.llm.HttpTextEmbedder} for remote embeddings on the same resilience stack.
 */
package io.livecommerce.llm;
