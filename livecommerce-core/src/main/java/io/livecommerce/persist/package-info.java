/**
 * Saving and loading trained models: one versioned, checksummed, atomically written format
 * ({@link io.livecommerce.persist.ModelFiles}) with a {@link io.livecommerce.persist.ModelCodec} per model kind.
 */
package io.livecommerce.persist;
