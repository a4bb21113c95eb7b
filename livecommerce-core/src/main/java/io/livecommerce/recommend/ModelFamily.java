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

  /**
   * The family that fixed settings imply, the one rule the tuner and the CLI share: ALS settings (factors, alpha,
   * regularization, iterations) imply ALS, an EASE λ implies EASE, both imply BLEND.
   *
   * @return the implied family, or null when nothing is fixed (the tuner then chooses; an untuned fit takes ALS)
   */
  public static ModelFamily impliedBy(boolean alsSettingsFixed, boolean easeLambdaFixed) {
    if (alsSettingsFixed) {
      return easeLambdaFixed ? BLEND : ALS;
    }
    return easeLambdaFixed ? EASE : null;
  }

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
