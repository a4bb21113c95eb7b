package io.livecommerce.examples;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.embedding.OnnxTextEmbedder;
import io.livecommerce.facade.Backends;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/** Embedders by name for the CLI, and a wrapper that prints progress of large batches. */
public final class Embedders {

  /** The names the CLI accepts (the embedding module's models and the hashing embedder; see {@link Backends}). */
  public static final String NAMES = "auto, bge-small-zh, all-minilm-l6, hashing";

  /** What {@code auto} does, for help texts. */
  public static final String AUTO_RULE = "auto chooses by the texts: all-minilm-l6 (English) when fewer than one in "
      + "ten has a Chinese character, else bge-small-zh";

  private Embedders() {}

  /**
   * The embedder {@code --model name} stands for when it embeds {@code texts}: {@code auto} chooses by their
   * language ({@link #AUTO_RULE}), any other name is itself.
   *
   * @throws IllegalArgumentException if the name is none of {@link #NAMES}
   */
  public static String resolve(String name, Collection<String> texts) {
    try {
      return Backends.embedderName(name, texts);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--model '" + name + "' is not one of " + NAMES, e);
    }
  }

  /** The embedder of that name, chosen by {@link Backends} as the SDK's other entry points choose it. */
  public static TextEmbedder create(String name) {
    try {
      return Backends.embedder(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--model '" + name + "' is not one of " + NAMES, e);
    }
  }

  /** Prints "embedding N texts: 25% 50% 75% 100%" for batches of at least 200 texts. */
  public static TextEmbedder withProgress(TextEmbedder inner, PrintWriter out) {
    return new TextEmbedder() {
      @Override
      public int dimension() {
        return inner.dimension();
      }

      @Override
      public float[] embed(String text) {
        return inner.embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        if (texts.size() < 200 || !(inner instanceof OnnxTextEmbedder onnx)) {
          return inner.embedAll(texts);
        }
        out.printf("  embedding %d texts:", texts.size());
        out.flush();
        int[] nextQuarter = {1};
        List<float[]> vs = onnx.embedAll(texts, (done, total) -> {
          while (nextQuarter[0] <= 4 && done * 4 >= total * nextQuarter[0]) {
            out.printf(" %d%%", nextQuarter[0] * 25);
            out.flush(); // show each quarter as it happens
            nextQuarter[0]++;
          }
        });
        out.println();
        return vs;
      }

      @Override
      public void close() {
        inner.close();
      }

      @Override
      public String toString() {
        return inner.toString();
      }
    };
  }
}
