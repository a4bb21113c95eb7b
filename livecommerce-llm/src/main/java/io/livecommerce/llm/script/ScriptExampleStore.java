package io.livecommerce.llm.script;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Past scripts with their outcomes, from which {@link LlmScriptGenerator} picks the most similar high performers as
 * examples for the prompt: retrieval instead of fine-tuning, which few teams can do.
 *
 * <p>High performers are the examples at or above the median GMV per minute; among them, similarity is the cosine
 * between the product texts. Thread-safe: adds and lookups may run concurrently.
 */
public final class ScriptExampleStore {

  private final TextEmbedder embedder;
  private final List<Entry> entries = new ArrayList<>();

  private record Entry(ScriptExample example, float[] vector, int order) {}

  /** A store that embeds product texts with {@code embedder}. */
  public ScriptExampleStore(TextEmbedder embedder) {
    this.embedder = Checks.notNull(embedder, "embedder");
  }

  /** Adds examples, embedding their product texts. */
  public void addAll(List<ScriptExample> examples) {
    List<ScriptExample> list = Checks.copyNoNulls(Checks.notNull(examples, "examples"), "examples");
    List<float[]> vs = embedder.embedAll(list.stream().map(ScriptExample::productText).toList());
    synchronized (entries) {
      for (int i = 0; i < list.size(); i++) {
        entries.add(new Entry(list.get(i), Vectors.normalize(vs.get(i)), entries.size()));
      }
    }
  }

  /** The number of examples. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /**
   * The {@code k} high performers most similar to {@code productText}, most similar first (ties: added first).
   *
   * @throws IllegalArgumentException if {@code productText} is blank or {@code k <= 0}
   */
  public List<ScriptExample> similar(String productText, int k) {
    Checks.notBlank(productText, "productText");
    Checks.positive(k, "k");
    List<Entry> snapshot;
    synchronized (entries) {
      snapshot = new ArrayList<>(entries);
    }
    if (snapshot.isEmpty()) {
      return List.of();
    }
    double[] gmv = snapshot.stream().mapToDouble(e -> e.example.gmvPerMinute()).sorted().toArray();
    double median = gmv.length % 2 == 1 ? gmv[gmv.length / 2] : (gmv[gmv.length / 2 - 1] + gmv[gmv.length / 2]) / 2;
    float[] q = Vectors.normalize(embedder.embed(productText));
    return snapshot.stream()
        .filter(e -> e.example.gmvPerMinute() >= median)
        .sorted(Comparator.comparingDouble((Entry e) -> -Vectors.dot(q, e.vector)).thenComparingInt(Entry::order))
        .limit(k)
        .map(Entry::example)
        .toList();
  }

  @Override
  public String toString() {
    return "ScriptExampleStore{examples=" + size() + "}";
  }
}
