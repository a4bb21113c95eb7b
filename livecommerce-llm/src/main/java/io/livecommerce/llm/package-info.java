/** OpenAI-compatible chat client and LLM-backed script generation. */
package io.livecommerce.llm;
