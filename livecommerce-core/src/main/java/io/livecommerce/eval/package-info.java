/**
 * Offline evaluation: ranking and regression metrics, train/test splits, and A/B test statistics.
 */
package io.livecommerce.eval;
