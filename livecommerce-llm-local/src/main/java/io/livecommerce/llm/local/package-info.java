/**
 * A local chat model for the language-model side of the SDK: GGUF files run in-process with llama.cpp, so scripts
 * can be generated without an API key or network. {@link io.livecommerce.llm.local.LocalChatModel} implements
 * {@link io.livecommerce.llm.ChatModel}; {@link io.livecommerce.llm.local.LocalScriptGeneratorProvider} makes it the
 * default script generator when {@code LIVECOMMERCE_LLM_GGUF} names a model file.
 */
package io.livecommerce.llm.local;
