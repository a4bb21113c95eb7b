package io.livecommerce.llm.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GGUF file's header, metadata and tensor table in Java and refuses what would make llama.cpp abort or hang
 * the JVM: llama.cpp answers a malformed key with {@code GGML_ASSERT} (the whole process exits 134), overflows its
 * stack on a deeply nested chat template (exit 139), and loops without end on a template with huge loops. Every
 * length and count is checked against the bytes that remain before anything is allocated, so a hostile file costs
 * at most its own size to read.
 *
 * <p>What it cannot promise: llama.cpp may still fail on tensor data that is well-formed but wrong (it reads the
 * data, not this class), and a chat template within the limits still runs llama.cpp's own template engine. Where a
 * crash must never take a service down, run the model in a child process.
 *
 * <p>Stateless and thread-safe. Package-private: {@link LocalChatModel.Builder#build} calls it.
 */
final class GgufValidator {

  /** Metadata and tensor counts above these are refused (real models have hundreds of each). */
  static final long MAX_ENTRIES = 1_000_000;
  /** The longest key or tensor name. */
  static final int MAX_NAME_BYTES = 65_535;
  /** The longest chat template accepted, in characters. */
  static final int MAX_TEMPLATE_CHARS = 65_536;
  /** The deepest nesting of template blocks ({@code for}, {@code if}, ...) accepted. */
  static final int MAX_TEMPLATE_DEPTH = 8;
  /** The deepest nesting of brackets in template expressions accepted. */
  static final int MAX_EXPRESSION_DEPTH = 32;
  /** The largest number literal a template's {@code range(...)} may take. */
  static final long MAX_RANGE = 10_000;

  private static final int STRING = 8;
  private static final int ARRAY = 9;
  private static final int[] SCALAR_BYTES = {1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8};
  private static final Pattern BLOCK = Pattern.compile("\\{%-?\\s*(\\w+)");
  private static final Pattern RANGE = Pattern.compile("range\\s*\\(([^)]*)\\)");
  private static final Pattern NUMBER = Pattern.compile("\\d{6,}|\\d+\\s*\\*\\*|\\d+\\s*\\*\\s*\\d+");

  /**
   * What the validated header says.
   *
   * @param version the GGUF version (2 or 3)
   * @param tensors how many tensors the table lists
   * @param metadata how many metadata entries there are
   * @param chatTemplate the chat template, or null when the file has none
   */
  record Header(int version, long tensors, long metadata, String chatTemplate) {}

  private GgufValidator() {}

  /**
   * Validates {@code file}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong, and where
   * @throws IOException if the file cannot be read
   */
  static Header validate(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new GgufValidator.Reader(file, ch).read();
    }
  }

  /**
   * What both model builders check before anything loads the file: it is set, readable, and passes {@link #validate}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   */
  static void requireModelFile(Path gguf) {
    if (gguf == null) {
      throw new IllegalArgumentException("gguf must be set (the path of a .gguf model file)");
    }
    if (!java.nio.file.Files.isRegularFile(gguf) || !java.nio.file.Files.isReadable(gguf)) {
      throw new IllegalArgumentException("gguf " + gguf + " is not a readable file");
    }
    try {
      // Before llama.cpp sees the file: its asserts abort the whole JVM, ours throw.
      validate(gguf);
    } catch (IOException e) {
      throw new IllegalArgumentException("gguf " + gguf + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Refuses a chat template over the size or nesting limits, or with a huge literal loop. */
  static void checkTemplate(Path file, String template) {
    if (template.length() > MAX_TEMPLATE_CHARS) {
      throw bad(file, "its chat template has " + template.length() + " characters, more than "
          + MAX_TEMPLATE_CHARS);
    }
    int depth = 0;
    Matcher m = BLOCK.matcher(template);
    while (m.find()) {
      String word = m.group(1);
      switch (word) {
        case "for", "if", "macro", "call", "filter", "raw" -> {
          depth++;
          if (depth > MAX_TEMPLATE_DEPTH) {
            throw bad(file, "its chat template nests blocks " + depth + " deep at character " + m.start()
                + ", more than " + MAX_TEMPLATE_DEPTH);
          }
          if (word.equals("macro")) {
            throw bad(file, "its chat template defines a macro at character " + m.start()
                + " (macros can recurse without end; no chat template needs one)");
          }
        }
        case "endfor", "endif", "endmacro", "endcall", "endfilter", "endraw" -> depth = Math.max(0, depth - 1);
        default -> { }
      }
    }
    int brackets = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        if (++brackets > MAX_EXPRESSION_DEPTH + 2) { // "{%" and "{{" open one each
          throw bad(file, "its chat template nests brackets " + brackets + " deep at character " + i);
        }
      } else if (c == ')' || c == ']' || c == '}') {
        brackets = Math.max(0, brackets - 1);
      }
    }
    Matcher r = RANGE.matcher(template);
    while (r.find()) {
      String args = r.group(1);
      Matcher n = NUMBER.matcher(args);
      if (n.find()) {
        throw bad(file, "its chat template loops over range(" + args.strip() + ") at character " + r.start()
            + "; a literal range over " + MAX_RANGE + " is refused");
      }
      for (String part : args.split(",")) {
        String p = part.strip();
        if (p.matches("\\d+") && Long.parseLong(p) > MAX_RANGE) {
          throw bad(file, "its chat template loops over range(" + args.strip() + ") at character " + r.start()
              + "; a literal range over " + MAX_RANGE + " is refused");
        }
      }
    }
  }

  static IllegalArgumentException bad(Path file, String what) {
    return new IllegalArgumentException("gguf " + file + " is not a model llama.cpp can load safely: " + what);
  }

  /** A bounds-checked little-endian reader over the file. Confined to one validation. */
  private static final class Reader {
    private final Path file;
    private final FileChannel ch;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private long pos;

    Reader(Path file, FileChannel ch) throws IOException {
      this.file = file;
      this.ch = ch;
      this.size = ch.size();
    }

    Header read() throws IOException {
      if (size < 4) {
        throw new IllegalArgumentException("gguf " + file + " is not a GGUF file (" + size + " bytes)");
      }
      byte[] magic = bytes(4);
      if (magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
        throw new IllegalArgumentException("gguf " + file + " is not a GGUF file (it does not start with 'GGUF')");
      }
      long version = u32("the version");
      if (version != 2 && version != 3) {
        throw bad(file, "its GGUF version is " + version + "; versions 2 and 3 are read");
      }
      long tensors = u64("the tensor count");
      long entries = u64("the metadata count");
      if (tensors < 0 || tensors > MAX_ENTRIES || entries < 0 || entries > MAX_ENTRIES) {
        throw bad(file, "it claims " + Long.toUnsignedString(tensors) + " tensors and "
            + Long.toUnsignedString(entries) + " metadata entries; at most " + MAX_ENTRIES + " of each are read");
      }
      // Every entry takes at least a key length, one key byte, a type and a 1-byte value: 14 bytes.
      if (entries * 14 > size - pos) {
        throw bad(file, "it claims " + entries + " metadata entries but has " + (size - pos) + " bytes left");
      }
      Set<String> keys = new HashSet<>();
      String template = null;
      long alignment = 32;
      for (long e = 0; e < entries; e++) {
        long at = pos;
        String key = name("metadata key " + e);
        if (!keys.add(key)) {
          throw bad(file, "metadata key '" + key + "' appears twice (byte " + at + ")");
        }
        long type = u32("the type of '" + key + "'");
        if (key.equals("tokenizer.chat_template") && type == STRING) {
          template = string("'" + key + "'", Integer.MAX_VALUE);
          checkTemplate(file, template);
        } else if (key.equals("general.alignment")) {
          if (type != 4) {
            throw bad(file, "general.alignment has type " + type + ", not uint32");
          }
          alignment = u32("general.alignment");
          if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > (1 << 20)) {
            throw bad(file, "general.alignment is " + alignment + ", not a power of two up to 2^20");
          }
        } else {
          skipValue(type, "'" + key + "'", false);
        }
      }
      // Every tensor takes at least a name length, one name byte, a dimension count, one dimension, a type and an
      // offset: 33 bytes.
      if (tensors * 33 > size - pos) {
        throw bad(file, "it claims " + tensors + " tensors but has " + (size - pos) + " bytes left");
      }
      Set<String> names = new HashSet<>();
      long[] offsets = new long[(int) tensors];
      long[] lengths = new long[(int) tensors];
      for (int t = 0; t < tensors; t++) {
        String name = name("tensor name " + t);
        if (!names.add(name)) {
          throw bad(file, "tensor '" + name + "' appears twice");
        }
        long dims = u32("the dimensions of '" + name + "'");
        if (dims < 1 || dims > 4) {
          throw bad(file, "tensor '" + name + "' has " + dims + " dimensions; 1 to 4 are valid");
        }
        long elements = 1;
        for (int d = 0; d < dims; d++) {
          long n = u64("a dimension of '" + name + "'");
          if (n < 1 || n > (1L << 40) || elements > (1L << 50) / n) {
            throw bad(file, "tensor '" + name + "' has a dimension of " + Long.toUnsignedString(n)
                + " (or too many elements in all)");
          }
          elements *= n;
        }
        long type = u32("the type of '" + name + "'");
        long offset = u64("the offset of '" + name + "'");
        if (type > 63) {
          throw bad(file, "tensor '" + name + "' has type " + type + ", not a ggml type");
        }
        if (offset < 0 || offset % alignment != 0) {
          throw bad(file, "tensor '" + name + "' starts at " + Long.toUnsignedString(offset)
              + ", not a multiple of the alignment " + alignment);
        }
        offsets[t] = offset;
        lengths[t] = bytesOf((int) type, elements);
      }
      long dataStart = (pos + alignment - 1) / alignment * alignment;
      long available = size - dataStart;
      for (int t = 0; t < tensors; t++) {
        long end = lengths[t] < 0 ? offsets[t] : offsets[t] + lengths[t];
        if (offsets[t] > available || end > available || end < 0) {
          throw bad(file, "tensor " + t + " runs to byte " + Long.toUnsignedString(end) + " of its data, but the "
              + "file holds " + Math.max(0, available) + " bytes of tensor data (truncated?)");
        }
      }
      return new Header((int) version, tensors, entries, template);
    }

    /** Bytes a tensor of {@code type} takes, for the common ggml types; -1 when unknown (only the start is checked). */
    private static long bytesOf(int type, long elements) {
      long[][] blocks = { // type, elements per block, bytes per block
        {0, 1, 4}, {1, 1, 2}, {2, 32, 18}, {3, 32, 20}, {6, 32, 22}, {7, 32, 24}, {8, 32, 34}, {9, 32, 36},
        {10, 256, 84}, {11, 256, 110}, {12, 256, 144}, {13, 256, 176}, {14, 256, 210}, {15, 256, 292},
        {24, 1, 1}, {25, 1, 2}, {26, 1, 4}, {27, 1, 8}, {28, 1, 8}, {30, 1, 2},
      };
      for (long[] b : blocks) {
        if (b[0] == type) {
          return elements % b[1] != 0 ? Long.MAX_VALUE / 2 : elements / b[1] * b[2];
        }
      }
      return -1;
    }

    private void skipValue(long type, String what, boolean inArray) throws IOException {
      if (type < 0 || type > 12) {
        throw bad(file, what + " has value type " + type + " at byte " + (pos - 4) + "; 0 to 12 are valid");
      }
      int t = (int) type;
      if (t == STRING) {
        string(what, Integer.MAX_VALUE);
      } else if (t == ARRAY) {
        if (inArray) {
          throw bad(file, what + " is an array of arrays; llama.cpp does not read those");
        }
        long elementType = u32("the element type of " + what);
        long count = u64("the length of " + what);
        if (elementType < 0 || elementType > 12 || elementType == ARRAY) {
          throw bad(file, what + " is an array of type " + elementType);
        }
        int each = elementType == STRING ? 8 : SCALAR_BYTES[(int) elementType];
        if (count < 0 || count > (size - pos) / each) {
          throw bad(file, what + " claims " + Long.toUnsignedString(count) + " elements but " + (size - pos)
              + " bytes are left");
        }
        if (elementType == STRING) {
          for (long i = 0; i < count; i++) {
            string(what + "[" + i + "]", Integer.MAX_VALUE);
          }
        } else {
          skip(count * each, what);
        }
      } else {
        skip(SCALAR_BYTES[t], what);
      }
    }

    private String name(String what) throws IOException {
      String s = string(what, MAX_NAME_BYTES);
      if (s.isEmpty()) {
        throw bad(file, what + " at byte " + (pos - 8) + " is empty (llama.cpp aborts on an empty key)");
      }
      return s;
    }

    private String string(String what, int maxBytes) throws IOException {
      long at = pos;
      long n = u64("the length of " + what);
      if (n < 0 || n > maxBytes || n > size - pos) {
        throw bad(file, what + " at byte " + at + " claims " + Long.toUnsignedString(n) + " bytes but "
            + (size - pos) + " are left" + (n > maxBytes && n <= size - pos ? " (at most " + maxBytes + ")" : ""));
      }
      if (n > MAX_TEMPLATE_CHARS * 4L && maxBytes == Integer.MAX_VALUE) {
        skip(n, what); // a long value nobody here reads: skip rather than decode
        return "";
      }
      byte[] b = bytes((int) n);
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
      } catch (CharacterCodingException e) {
        throw bad(file, what + " at byte " + at + " is not valid UTF-8");
      }
    }

    private long u32(String what) throws IOException {
      require(4, what);
      buf.clear().limit(4);
      fill();
      return buf.getInt(0) & 0xFFFF_FFFFL;
    }

    private long u64(String what) throws IOException {
      require(8, what);
      buf.clear().limit(8);
      fill();
      long v = buf.getLong(0);
      return v < 0 ? Long.MAX_VALUE : v; // over 2^63 is over every limit; callers compare against limits
    }

    private byte[] bytes(int n) throws IOException {
      byte[] out = new byte[n];
      ByteBuffer b = ByteBuffer.wrap(out);
      while (b.hasRemaining()) {
        if (ch.read(b, pos + b.position()) < 0) {
          throw bad(file, "it ends at byte " + size + " inside a value");
        }
      }
      pos += n;
      return out;
    }

    private void fill() throws IOException {
      while (buf.hasRemaining()) {
        if (ch.read(buf, pos + buf.position()) < 0) {
          throw bad(file, "it ends at byte " + size);
        }
      }
      pos += buf.limit();
    }

    private void skip(long n, String what) {
      if (n > size - pos) {
        throw bad(file, what + " at byte " + pos + " needs " + n + " bytes but " + (size - pos) + " are left");
      }
      pos += n;
    }

    private void require(long n, String what) {
      if (size - pos < n) {
        throw bad(file, "it ends at byte " + size + " before " + what);
      }
    }
  }
}
