/**
 * Live-selling scripts: the {@link io.livecommerce.script.ScriptGenerator} interface, requests and results.
 * Generators live in {@code livecommerce-llm} (LLM-backed and offline template).
 */
package io.livecommerce.script;
