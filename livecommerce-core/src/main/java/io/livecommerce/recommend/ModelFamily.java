package io.livecommerce.recommend;

/**
 * Which collaborative model scores a user's affinity for an item. Thread-safe (an enum).
 */
public enum ModelFamily {
  /** Latent factors from implicit alternating least squares ({@link ImplicitAls}). */
  ALS,
  /** Item-to-item weights in closed form ({@link EaseTrainer}): strong on top-N, dense in the items it covers. */
  EASE,
  /** Both, their scores averaged. */
  BLEND;

  /** Reads a family written by name in a model file. */
  static ModelFamily read(java.io.DataInput in) throws java.io.IOException {
    String name = in.readUTF();
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new java.io.IOException("unknown model family '" + name + "'", e);
    }
  }

  boolean usesAls() {
    return this != EASE;
  }

  boolean usesEase() {
    return this != ALS;
  }
}
