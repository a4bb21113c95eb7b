package io.livecommerce.persist;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads one kind of trained model for {@link ModelFiles}. Every trained model in the SDK has one codec;
 * the file format, atomic writing and integrity checks are shared.
 *
 * <p>Implementations must be stateless and thread-safe.
 *
 * @param <T> the model type
 */
public interface ModelCodec<T> {

  /** A stable name for the model kind, stored in the file, e.g. {@code "als"}. */
  String type();

  /** The payload version this codec writes; bump it when the payload layout changes. */
  int version();

  /** Writes the model's payload. */
  void write(T model, DataOutput out) throws IOException;

  /**
   * Reads a payload written by this codec at {@code version} (never newer than {@link #version()}).
   *
   * @throws IOException if the payload is malformed
   */
  T read(DataInput in, int version) throws IOException;
}
