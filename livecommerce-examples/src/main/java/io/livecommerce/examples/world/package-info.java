/** A seeded simulated live-commerce world with planted ground truth, and its CSV files. */
package io.livecommerce.examples.world;
