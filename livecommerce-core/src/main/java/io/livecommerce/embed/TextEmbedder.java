package io.livecommerce.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a fixed-length vector so that texts with similar meaning have a high cosine.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>Vectors have {@link #dimension()} entries, are finite and L2-normalized (unit length), except the documented
 *       all-zero vector an implementation may return for text that carries no features.
 *   <li>A text's vector does not depend on what else is in the batch: {@code embedAll(list).get(i)} equals
 *       {@code embed(list.get(i))}.
 *   <li>The same text always gives the same vector (deterministic).
 *   <li>A null or blank text throws {@link IllegalArgumentException} naming its index in the batch.
 *   <li>After {@link #close()}, calls throw {@link IllegalStateException}.
 * </ul>
 *
 * <p>Implementations must be safe for use by many threads at once unless their Javadoc says otherwise.
 */
public interface TextEmbedder extends AutoCloseable {

  /** The length of every vector this embedder returns. */
  int dimension();

  /**
   * What makes this embedder's vectors what they are: its kind, model or preset, and settings that change vectors,
   * e.g. {@code onnx:bge-small-zh-v1.5-q/512/cls/lower}. Two embedders with the same identity give the same vectors.
   * Saved models record it, so a model is never scored with vectors from another embedder of the same dimension.
   * The default is the class name and the dimension; implementations with settings should say more.
   */
  default String identity() {
    return getClass().getName() + "/" + dimension();
  }

  /**
   * Embeds one text.
   *
   * @param text the text, not null or blank
   * @return a new array of length {@link #dimension()}; the caller owns it
   * @throws IllegalArgumentException if {@code text} is null or blank
   * @throws IllegalStateException if the embedder is closed
   */
  float[] embed(String text);

  /**
   * Embeds many texts. Implementations batch for speed; the result is the same as calling {@link #embed} on each.
   *
   * @param texts the texts, none null or blank; may be empty
   * @return one new vector per text, in order
   * @throws IllegalArgumentException if the list or an element is null or blank; the message gives the index
   * @throws IllegalStateException if the embedder is closed
   */
  default List<float[]> embedAll(List<String> texts) {
    if (texts == null) {
      throw new IllegalArgumentException("texts must not be null");
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("texts[" + i + "] must not be null or blank");
      }
      out.add(embed(t));
    }
    return out;
  }

  /** Frees resources. Idempotent. Does not throw checked exceptions. */
  @Override
  void close();
}
