package io.livecommerce.embed;

import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A zero-dependency embedder: signed feature hashing of character n-grams for CJK text and word uni/bi-grams for
 * Latin text, L2-normalized. It captures shared words and characters, not meaning, so it is the SDK's fallback and
 * test double; use {@code OnnxTextEmbedder} from {@code livecommerce-embedding} for semantic vectors.
 *
 * <p>Text is NFKC-normalized (full-width to half-width) and lower-cased first. Text that is not blank but has no
 * letters, digits or CJK characters (e.g. {@code "!!!"}) maps to the all-zero vector, whose cosine with anything
 * is 0.
 *
 * <p>Immutable and thread-safe; {@link #close()} only marks it closed.
 */
public final class HashingTextEmbedder implements TextEmbedder {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final int dimension;
  private final int cjkMaxN;
  private final int wordMaxN;
  private final long seed;
  private volatile boolean closed;

  private HashingTextEmbedder(Builder b) {
    this.dimension = b.dimension;
    this.cjkMaxN = b.cjkMaxN;
    this.wordMaxN = b.wordMaxN;
    this.seed = b.seed;
  }

  /** An embedder with the defaults: 512 dimensions, CJK 1- and 2-grams, word 1- and 2-grams, seed 0. */
  public static HashingTextEmbedder create() {
    return newBuilder().build();
  }

  /** A new builder with the defaults of {@link #create()}. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    if (closed) {
      throw new IllegalStateException("HashingTextEmbedder is closed");
    }
    Checks.notBlank(text, "text");
    float[] v = new float[dimension];
    String norm = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int i = 0;
    int len = norm.length();
    while (i < len) {
      int cp = norm.codePointAt(i);
      if (isCjk(cp)) {
        int start = i;
        while (i < len && isCjk(norm.codePointAt(i))) {
          i += Character.charCount(norm.codePointAt(i));
        }
        addCjkRun(norm.substring(start, i), v);
        flushWords(words, v);
      } else if (Character.isLetterOrDigit(cp)) {
        int start = i;
        while (i < len) {
          int c = norm.codePointAt(i);
          if (!Character.isLetterOrDigit(c) || isCjk(c)) {
            break;
          }
          i += Character.charCount(c);
        }
        words.add(norm.substring(start, i));
      } else {
        i += Character.charCount(cp);
      }
    }
    flushWords(words, v);
    return Vectors.normalizeInPlace(v);
  }

  private void addCjkRun(String run, float[] v) {
    int[] cps = run.codePoints().toArray();
    for (int n = 1; n <= cjkMaxN; n++) {
      for (int s = 0; s + n <= cps.length; s++) {
        long h = start('c', n);
        for (int t = s; t < s + n; t++) {
          h = mix(h, cps[t]);
        }
        add(h, v);
      }
    }
  }

  private void flushWords(List<String> words, float[] v) {
    for (int n = 1; n <= wordMaxN; n++) {
      for (int s = 0; s + n <= words.size(); s++) {
        long h = start('w', n);
        for (int t = s; t < s + n; t++) {
          String w = words.get(t);
          for (int k = 0; k < w.length(); k++) {
            h = mix(h, w.charAt(k));
          }
          h = mix(h, ' ');
        }
        add(h, v);
      }
    }
    words.clear();
  }

  private long start(char kind, int n) {
    long h = FNV_OFFSET ^ seed;
    h = mix(h, kind);
    return mix(h, n);
  }

  private static long mix(long h, int value) {
    h ^= value;
    return h * FNV_PRIME;
  }

  private void add(long h, float[] v) {
    // A final avalanche so nearby FNV states spread over all buckets.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    int index = (int) Long.remainderUnsigned(h, dimension);
    v[index] += (h & (1L << 40)) == 0 ? 1f : -1f;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String identity() {
    return "hashing/" + dimension + "/cjk" + cjkMaxN + "/word" + wordMaxN + "/seed" + seed;
  }

  @Override
  public String toString() {
    return "HashingTextEmbedder{dimension=" + dimension + ", cjkMaxN=" + cjkMaxN + ", wordMaxN=" + wordMaxN + "}";
  }

  /** Builds a {@link HashingTextEmbedder}. Not thread-safe. */
  public static final class Builder {
    private int dimension = 512;
    private int cjkMaxN = 2;
    private int wordMaxN = 2;
    private long seed;

    private Builder() {}

    /** The vector length, in [16, {@code 1 << 20}]; default 512. */
    public Builder dimension(int dimension) {
      if (dimension < 16 || dimension > (1 << 20)) {
        throw new IllegalArgumentException("dimension must be in [16, 1048576] but was " + dimension);
      }
      this.dimension = dimension;
      return this;
    }

    /** The longest CJK character n-gram, in [1, 4]; default 2. */
    public Builder cjkMaxN(int n) {
      this.cjkMaxN = Checks.inRange(n, 1, 4, "cjkMaxN");
      return this;
    }

    /** The longest word n-gram, in [1, 3]; default 2. */
    public Builder wordMaxN(int n) {
      this.wordMaxN = Checks.inRange(n, 1, 3, "wordMaxN");
      return this;
    }

    /** Seeds the hash; embedders with different seeds give unrelated vectors. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the embedder. */
    public HashingTextEmbedder build() {
      return new HashingTextEmbedder(this);
    }
  }
}
