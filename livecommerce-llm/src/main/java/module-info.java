/**
 * Chat models over the OpenAI-compatible API, LLM script generation with the offline template as default, text
 * embeddings over HTTP, and fine-tuning datasets. {@code io.livecommerce.llm.internal} (interceptors, the SSE reader)
 * is read only by this SDK's own modules.
 */
@SuppressWarnings({"module", "requires-automatic"}) // okio is automatic; llm.local is absent while this compiles
module io.livecommerce.llm {
  requires transitive io.livecommerce.core;
  requires transitive okhttp3;
  requires okio;
  requires transitive com.fasterxml.jackson.databind; // ResponseFormat takes a JsonNode schema
  requires org.slf4j;

  exports io.livecommerce.llm;
  exports io.livecommerce.llm.finetune;
  exports io.livecommerce.llm.script;
  exports io.livecommerce.llm.internal to io.livecommerce.llm.local;
}
