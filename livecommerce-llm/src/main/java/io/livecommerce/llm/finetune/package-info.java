/**
 * The fine-tuning step: {@link io.livecommerce.llm.finetune.FineTuningDataset} turns past scripts and their outcomes
 * into chat-format JSONL for OpenAI-compatible fine-tuning APIs, and
 * {@link io.livecommerce.llm.FineTuningClient} uploads it and runs the job.
 */
package io.livecommerce.llm.finetune;
