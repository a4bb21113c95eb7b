/** Live room recommendation: the {@link io.livecommerce.recommend.RoomRecommender} interface and its queries. */
package io.livecommerce.recommend;
