/**
 * livecommerce: data- and LLM-driven decisions for live-stream e-commerce. Start at
 * {@link io.livecommerce.facade.LiveCommerce}; results of every ranker are {@link io.livecommerce.Scored} with
 * {@link io.livecommerce.Reason}s.
 */
package io.livecommerce;
