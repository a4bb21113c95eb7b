/**
 * Product selection (选品) and promotion ranking: the {@link io.livecommerce.selection.ProductSelector} and
 * {@link io.livecommerce.selection.PromotionRanker} interfaces, and their regression implementations
 * {@link io.livecommerce.selection.RegressionProductSelector} and
 * {@link io.livecommerce.selection.RegressionPromotionRanker} on the shared {@link io.livecommerce.regress} machinery.
 */
package io.livecommerce.selection;
