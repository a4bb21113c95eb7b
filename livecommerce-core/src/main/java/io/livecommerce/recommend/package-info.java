/**
 * Live room recommendation. {@link io.livecommerce.recommend.HybridRoomRecommender} blends implicit ALS on
 * viewer × anchor, content similarity of room text, anchor popularity and audience momentum;
 * {@link io.livecommerce.recommend.LiveRoomIndex} serves it over the rooms live now with in-session updates, and
 * {@link io.livecommerce.recommend.NextRoomReplay} measures it arrival by arrival;
 * {@link io.livecommerce.recommend.ImplicitRecommender} offers the same machinery for any (user, item, weight, time)
 * log, and {@link io.livecommerce.recommend.RecommenderEvaluation} compares it with its baselines.
 */
package io.livecommerce.recommend;
