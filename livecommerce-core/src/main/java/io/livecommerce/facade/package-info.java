/**
 * The SDK's entry point, {@link io.livecommerce.facade.LiveCommerce}: one object that wires the default embedder and
 * script generator and hands out the recommender, selector and ranker builders. It sits in its own package because it
 * depends on every other one; nothing depends on it.
 */
package io.livecommerce.facade;
