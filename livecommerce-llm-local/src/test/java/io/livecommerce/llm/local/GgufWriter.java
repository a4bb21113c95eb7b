package io.livecommerce.llm.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes small GGUF files for tests, well-formed or not. Not thread-safe. */
final class GgufWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  GgufWriter raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  GgufWriter u32(long v) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    return this;
  }

  GgufWriter u64(long v) {
    out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    return this;
  }

  GgufWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return u64(b.length).raw(b);
  }

  /** Magic, version and the two counts. */
  GgufWriter header(long version, long tensors, long entries) {
    return raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(version).u64(tensors).u64(entries);
  }

  GgufWriter stringEntry(String key, String value) {
    return string(key).u32(8).string(value);
  }

  GgufWriter u32Entry(String key, long value) {
    return string(key).u32(4).u32(value);
  }

  /** A one-dimensional F32 tensor of {@code n} elements at {@code offset}. */
  GgufWriter f32Tensor(String name, long n, long offset) {
    return string(name).u32(1).u64(n).u32(0).u64(offset);
  }

  /** Pads to a multiple of 32 and appends {@code bytes} bytes of tensor data. */
  GgufWriter data(int bytes) {
    while (out.size() % 32 != 0) {
      out.write(0);
    }
    out.writeBytes(new byte[bytes]);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** A small valid model file: a ChatML template, an architecture name and one F32 tensor of 8 floats. */
  static byte[] valid() {
    return new GgufWriter().header(3, 1, 3)
        .stringEntry("general.architecture", "llama")
        .u32Entry("general.alignment", 32)
        .stringEntry("tokenizer.chat_template", "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
            + "{{ message['content'] }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n"
            + "{% endif %}")
        .f32Tensor("token_embd.weight", 8, 0)
        .data(32).bytes();
  }
}
