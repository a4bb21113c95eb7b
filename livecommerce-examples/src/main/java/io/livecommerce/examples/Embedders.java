package io.livecommerce.examples;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.embedding.OnnxTextEmbedder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Embedders by name for the CLI, and a wrapper that prints progress of large batches. */
public final class Embedders {

  /** The names the CLI accepts. */
  public static final String NAMES = "bge-small-zh, all-minilm-l6, hashing";

  private Embedders() {}

  /** The embedder of that name. */
  public static TextEmbedder create(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "bge-small-zh" -> OnnxTextEmbedder.bgeSmallZh();
      case "all-minilm-l6" -> OnnxTextEmbedder.allMiniLmL6();
      case "hashing" -> HashingTextEmbedder.create();
      default -> throw new IllegalArgumentException("--model '" + name + "' is not one of " + NAMES);
    };
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
