/**
 * Script generation: {@link io.livecommerce.llm.script.LlmScriptGenerator} over any OpenAI-compatible model, with
 * retrieved high-performing examples, and the offline {@link io.livecommerce.script.TemplateScriptGenerator}.
 */
package io.livecommerce.llm.script;
