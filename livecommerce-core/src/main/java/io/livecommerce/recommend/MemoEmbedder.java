package io.livecommerce.recommend;

import io.livecommerce.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds each text once across a tuner's trials; the trials see the same vectors the real embedder gives. Thread-safe;
 * it never closes the embedder it wraps.
 */
final class MemoEmbedder implements TextEmbedder {
  private final TextEmbedder inner;
  private final Map<String, float[]> memo = new ConcurrentHashMap<>();

  MemoEmbedder(TextEmbedder inner) {
    this.inner = inner;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public String identity() {
    return inner.identity();
  }

  @Override
  public float[] embed(String text) {
    return memo.computeIfAbsent(text, inner::embed).clone();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<String> missing = texts.stream().filter(t -> t != null && !memo.containsKey(t)).distinct().toList();
    if (!missing.isEmpty()) {
      List<float[]> vs = inner.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        memo.put(missing.get(i), vs.get(i));
      }
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(t == null ? inner.embed(t) : memo.get(t).clone());
    }
    return out;
  }

  @Override
  public void close() {
    // the caller owns the inner embedder
  }
}
