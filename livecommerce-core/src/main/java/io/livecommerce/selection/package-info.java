/**
 * Product selection (选品) and promotion ranking: the {@link io.livecommerce.selection.ProductSelector} and
 * {@link io.livecommerce.selection.PromotionRanker} interfaces and their forecasts.
 */
package io.livecommerce.selection;
