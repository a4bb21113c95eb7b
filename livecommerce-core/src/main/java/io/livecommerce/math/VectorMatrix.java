package io.livecommerce.math;

import io.livecommerce.internal.Checks;
import java.util.List;

/**
 * An immutable matrix of {@code rows} vectors of equal {@code dimension}, stored flat and row-major in one
 * {@code float[]} so scans over it stream through memory.
 *
 * <p>Immutable and thread-safe.
 */
public final class VectorMatrix {

  private final float[] data;
  private final int rows;
  private final int dimension;

  private VectorMatrix(float[] data, int rows, int dimension) {
    this.data = data;
    this.rows = rows;
    this.dimension = dimension;
  }

  /**
   * A matrix whose rows are copies of {@code vectors}.
   *
   * @param vectors the rows, all of one length, finite
   * @param dimension their length, {@code > 0}; needed so an empty list has a shape
   * @throws IllegalArgumentException if a row is null, of another length, or holds a non-finite value
   */
  public static VectorMatrix of(List<float[]> vectors, int dimension) {
    Checks.notNull(vectors, "vectors");
    Checks.positive(dimension, "dimension");
    long size = (long) vectors.size() * dimension;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "vectors holds " + vectors.size() + " x " + dimension + " floats, more than one array can hold");
    }
    float[] data = new float[(int) size];
    for (int r = 0; r < vectors.size(); r++) {
      float[] v = vectors.get(r);
      if (v == null) {
        throw new IllegalArgumentException("vectors[" + r + "] must not be null");
      }
      if (v.length != dimension) {
        throw new IllegalArgumentException(
            "vectors[" + r + "] has length " + v.length + " but dimension is " + dimension);
      }
      for (int j = 0; j < dimension; j++) {
        if (!Float.isFinite(v[j])) {
          throw new IllegalArgumentException("vectors[" + r + "][" + j + "] must be finite but was " + v[j]);
        }
      }
      System.arraycopy(v, 0, data, r * dimension, dimension);
    }
    return new VectorMatrix(data, vectors.size(), dimension);
  }

  /**
   * A matrix over a copy of a flat row-major array.
   *
   * @throws IllegalArgumentException if {@code flat.length} is not a multiple of {@code dimension} or a value is
   *     not finite
   */
  public static VectorMatrix ofFlat(float[] flat, int dimension) {
    Checks.notNull(flat, "flat");
    Checks.positive(dimension, "dimension");
    if (flat.length % dimension != 0) {
      throw new IllegalArgumentException(
          "flat has length " + flat.length + ", not a multiple of dimension " + dimension);
    }
    Checks.finite(flat, "flat");
    return new VectorMatrix(flat.clone(), flat.length / dimension, dimension);
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The length of each row. */
  public int dimension() {
    return dimension;
  }

  /**
   * A copy of row {@code r}.
   *
   * @throws IndexOutOfBoundsException if {@code r} is not in {@code [0, rows)}
   */
  public float[] row(int r) {
    java.util.Objects.checkIndex(r, rows);
    float[] out = new float[dimension];
    System.arraycopy(data, r * dimension, out, 0, dimension);
    return out;
  }

  /**
   * The dot product of row {@code r} with {@code query}.
   *
   * @throws IllegalArgumentException if {@code query} has the wrong length
   * @throws IndexOutOfBoundsException if {@code r} is out of range
   */
  public float dot(int r, float[] query) {
    java.util.Objects.checkIndex(r, rows);
    Checks.notNull(query, "query");
    Checks.sameLength(query.length, dimension, "query", "matrix dimension");
    return Vectors.dot(data, r * dimension, query, 0, dimension);
  }

  /** The backing array; package-private so scans avoid copies. Never mutate it. */
  float[] data() {
    return data;
  }
}
