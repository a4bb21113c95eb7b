package io.livecommerce.math;

import io.livecommerce.internal.Checks;

/**
 * Dense vector arithmetic on plain {@code float[]}.
 *
 * <p>Loops are plain, over primitive arrays, with several independent accumulators so the JIT can pipeline and
 * vectorize them. Stateless and thread-safe; the arrays themselves are not protected, so do not mutate an array
 * while another thread reads it.
 */
public final class Vectors {

  private Vectors() {}

  /**
   * The dot product of {@code a} and {@code b}.
   *
   * @throws IllegalArgumentException if either is null or their lengths differ
   */
  public static float dot(float[] a, float[] b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    Checks.sameLength(a.length, b.length, "a", "b");
    return dot(a, 0, b, 0, a.length);
  }

  /**
   * The dot product of {@code len} entries of {@code a} from {@code aOff} and of {@code b} from {@code bOff}.
   * Unchecked beyond the JVM's bounds checks: for hot loops whose caller validated the shapes.
   */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = 0;
    int upper = len & ~7;
    for (; i < upper; i += 8) {
      s0 += a[aOff + i] * b[bOff + i];
      s1 += a[aOff + i + 1] * b[bOff + i + 1];
      s2 += a[aOff + i + 2] * b[bOff + i + 2];
      s3 += a[aOff + i + 3] * b[bOff + i + 3];
      s4 += a[aOff + i + 4] * b[bOff + i + 4];
      s5 += a[aOff + i + 5] * b[bOff + i + 5];
      s6 += a[aOff + i + 6] * b[bOff + i + 6];
      s7 += a[aOff + i + 7] * b[bOff + i + 7];
    }
    for (; i < len; i++) {
      s0 += a[aOff + i] * b[bOff + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** The Euclidean (L2) norm of {@code a}. */
  public static float norm(float[] a) {
    Checks.notNull(a, "a");
    return (float) Math.sqrt(dot(a, 0, a, 0, a.length));
  }

  /**
   * The cosine of the angle between {@code a} and {@code b}; 0 when either is the zero vector.
   *
   * @throws IllegalArgumentException if either is null or their lengths differ
   */
  public static float cosine(float[] a, float[] b) {
    float d = dot(a, b);
    double na = dot(a, 0, a, 0, a.length);
    double nb = dot(b, 0, b, 0, b.length);
    if (na == 0 || nb == 0) {
      return 0f;
    }
    return (float) (d / Math.sqrt(na * nb));
  }

  /**
   * Scales {@code a} in place to unit L2 length and returns it. The zero vector is left as it is.
   *
   * @throws IllegalArgumentException if {@code a} is null or holds a non-finite value
   */
  public static float[] normalizeInPlace(float[] a) {
    Checks.finite(a, "a");
    double n2 = dot(a, 0, a, 0, a.length);
    if (n2 == 0) {
      return a;
    }
    float inv = (float) (1.0 / Math.sqrt(n2));
    for (int i = 0; i < a.length; i++) {
      a[i] *= inv;
    }
    return a;
  }

  /** A unit-length copy of {@code a}; see {@link #normalizeInPlace}. */
  public static float[] normalize(float[] a) {
    Checks.notNull(a, "a");
    return normalizeInPlace(a.clone());
  }

  /** Adds {@code w * x} to {@code acc} in place. */
  public static void addScaled(float[] acc, float[] x, float w) {
    Checks.notNull(acc, "acc");
    Checks.notNull(x, "x");
    Checks.sameLength(acc.length, x.length, "acc", "x");
    for (int i = 0; i < acc.length; i++) {
      acc[i] += w * x[i];
    }
  }
}
