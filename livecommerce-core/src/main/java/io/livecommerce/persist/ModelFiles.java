package io.livecommerce.persist;

import io.livecommerce.internal.Checks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Saves and loads trained models in one versioned, checksummed format shared by every model in the SDK.
 *
 * <p>Layout: 8 magic bytes {@code LCMODEL\n}, format version (int), model type (UTF), payload version (int), since
 * format 2 the provenance (count, then UTF key and value pairs: which embedder, which training settings, what
 * tuning chose), payload length (long), payload, CRC-32C of everything before it (long). Files of format 1 load with
 * an empty provenance. Writing goes to a temporary file in the
 * target's directory, is flushed to disk, then moved over the target atomically, so readers never see a half-written
 * model. Reading checks magic, versions, length and checksum before the payload is decoded.
 *
 * <p>Stateless and thread-safe. Concurrent saves to one path leave one complete file.
 */
public final class ModelFiles {

  private static final byte[] MAGIC = "LCMODEL\n".getBytes(StandardCharsets.US_ASCII);
  /** The version of the container layout described above. */
  public static final int FORMAT_VERSION = 2;

  private ModelFiles() {}

  /**
   * Writes {@code model} to {@code path} atomically.
   *
   * @throws IllegalArgumentException if an argument is null
   * @throws IOException if writing fails; the target is then left as it was
   */
  public static <T> void save(Path path, ModelCodec<T> codec, T model) throws IOException {
    save(path, codec, model, Map.of());
  }

  /**
   * Writes {@code model} to {@code path} atomically with its provenance (for example {@link Provenance#EMBEDDER}).
   *
   * @throws IllegalArgumentException if an argument is null
   * @throws IOException if writing fails; the target is then left as it was
   */
  public static <T> void save(Path path, ModelCodec<T> codec, T model, Map<String, String> provenance)
      throws IOException {
    Checks.notNull(path, "path");
    Checks.notNull(codec, "codec");
    Checks.notNull(model, "model");
    Map<String, String> prov = new TreeMap<>(Checks.copyMap(Checks.notNull(provenance, "provenance"), "provenance"));
    ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
    try (DataOutputStream payload = new DataOutputStream(payloadBytes)) {
      codec.write(model, payload);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(payloadBytes.size() + 64);
    try (DataOutputStream out = new DataOutputStream(all)) {
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(codec.type());
      out.writeInt(codec.version());
      out.writeInt(prov.size());
      for (Map.Entry<String, String> e : prov.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeLong(payloadBytes.size());
      payloadBytes.writeTo(out);
      CRC32C crc = new CRC32C();
      out.flush();
      byte[] body = all.toByteArray();
      crc.update(body, 0, body.length);
      out.writeLong(crc.getValue());
    }
    AtomicFiles.write(path, all::writeTo);
  }

  /**
   * Reads a model written by {@link #save} with a codec of the same type.
   *
   * @throws IllegalArgumentException if an argument is null
   * @throws ModelFormatException if the file is not a livecommerce model, holds another model type, is newer than
   *     this code, is truncated, or fails its checksum; the message names the file
   * @throws IOException if reading fails
   */
  public static <T> T load(Path path, ModelCodec<T> codec) throws IOException {
    return loadWithProvenance(path, codec).model();
  }

  /**
   * As {@link #load}, with the provenance the model was saved with (empty for files of format 1).
   *
   * @throws ModelFormatException as {@link #load}
   * @throws IOException if reading fails
   */
  public static <T> SavedModel<T> loadWithProvenance(Path path, ModelCodec<T> codec) throws IOException {
    Checks.notNull(path, "path");
    Checks.notNull(codec, "codec");
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new ModelFormatException(path + " is not a livecommerce model file (no LCMODEL header)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.skipBytes(MAGIC.length);
      int format = in.readInt();
      if (format > FORMAT_VERSION || format < 1) {
        throw new ModelFormatException(
            path + " has container format " + format + "; this version reads up to " + FORMAT_VERSION);
      }
      String type = in.readUTF();
      if (!type.equals(codec.type())) {
        throw new ModelFormatException(
            path + " holds a '" + type + "' model, not the '" + codec.type() + "' model asked for");
      }
      int version = in.readInt();
      if (version > codec.version() || version < 1) {
        throw new ModelFormatException(path + " holds '" + type + "' payload version " + version
            + "; this version reads up to " + codec.version());
      }
      Map<String, String> provenance = new TreeMap<>();
      if (format >= 2) {
        int entries = readCount(in, 10_000, 4, "provenance entries");
        for (int i = 0; i < entries; i++) {
          provenance.put(in.readUTF(), in.readUTF());
        }
      }
      long length = in.readLong();
      int headerEnd = bytes.length - in.available();
      long expectedTotal = headerEnd + length + Long.BYTES;
      if (length < 0 || expectedTotal > bytes.length) {
        throw new ModelFormatException(path + " is truncated: " + bytes.length + " bytes, expected " + expectedTotal);
      }
      if (expectedTotal < bytes.length) {
        throw new ModelFormatException(
            path + " is corrupted: " + (bytes.length - expectedTotal) + " unexpected bytes after the model");
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length - Long.BYTES);
      long stored = ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
      if (stored != crc.getValue()) {
        throw new ModelFormatException(path + " is corrupted: checksum mismatch");
      }
      DataInputStream payload = new DataInputStream(new ByteArrayInputStream(bytes, headerEnd, (int) length));
      try {
        return new SavedModel<>(codec.read(payload, version), Map.copyOf(provenance));
      } catch (EOFException e) {
        throw new ModelFormatException(path + " has a malformed '" + type + "' payload (ends early)", e);
      } catch (RuntimeException e) {
        throw new ModelFormatException(path + " has a malformed '" + type + "' payload: " + e.getMessage(), e);
      }
    } catch (EOFException e) {
      throw new ModelFormatException(path + " is truncated inside its header", e);
    }
  }

  /** Writes a float array with its length. For codecs. */
  public static void writeFloats(java.io.DataOutput out, float[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES);
    buf.asFloatBuffer().put(values);
    out.write(buf.array());
  }

  /**
   * Reads a count written before {@code count} items, refusing one above {@code max} or one that the bytes left in
   * the payload cannot hold at {@code minBytesEach} bytes an item, so a corrupt or hostile file can never make a
   * reader allocate more than the file's size. For codecs.
   *
   * @throws IOException naming {@code what} when the count is out of range
   */
  public static int readCount(java.io.DataInput in, int max, int minBytesEach, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IOException(what + " " + n + " out of range [0, " + max + "]");
    }
    if (in instanceof DataInputStream d && (long) n * minBytesEach > d.available()) {
      throw new IOException(what + " " + n + " needs more than the " + d.available() + " bytes left");
    }
    return n;
  }

  /** Reads a float array written by {@link #writeFloats}, refusing a length above {@code max}. */
  public static float[] readFloats(java.io.DataInput in, int max) throws IOException {
    int n = readCount(in, max, Float.BYTES, "float array length");
    byte[] raw = new byte[n * Float.BYTES];
    in.readFully(raw);
    float[] out = new float[n];
    ByteBuffer.wrap(raw).asFloatBuffer().get(out);
    return out;
  }

  /** Writes a double array with its length. For codecs. */
  public static void writeDoubles(java.io.DataOutput out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /** Reads a double array written by {@link #writeDoubles}, refusing a length above {@code max}. */
  public static double[] readDoubles(java.io.DataInput in, int max) throws IOException {
    int n = readCount(in, max, Double.BYTES, "double array length");
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readDouble();
    }
    return out;
  }

  /** Writes a list of strings with its length. For codecs. */
  public static void writeStrings(java.io.DataOutput out, java.util.List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String s : values) {
      out.writeUTF(s);
    }
  }

  /** Reads a list of strings written by {@link #writeStrings}, refusing a length above {@code max}. */
  public static java.util.List<String> readStrings(java.io.DataInput in, int max) throws IOException {
    int n = readCount(in, max, 2, "string list length"); // writeUTF puts a 2-byte length before each
    java.util.List<String> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }
}
