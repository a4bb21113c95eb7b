/** Implementation details of the LLM module (interceptors, SSE parsing); not public API. */
package io.livecommerce.llm.internal;
