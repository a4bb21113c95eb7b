package io.livecommerce.spark;

import io.livecommerce.embed.TextEmbedder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A partition processed a batch at a time, lazily: the executors' pattern for anything that embeds text (one
 * {@code embedAll} per batch) without holding the partition in memory. Not thread-safe (one per task).
 */
final class Batches<I, O> implements Iterator<O> {

  /** Rows per batch, and so texts per call to {@link TextEmbedder#embedAll}. */
  static final int SIZE = 256;

  private final Iterator<I> in;
  private final Function<List<I>, List<O>> step;
  private List<O> batch = List.of();
  private int next;

  private Batches(Iterator<I> in, Function<List<I>, List<O>> step) {
    this.in = in;
    this.step = step;
  }

  /** {@code in} mapped by {@code step}, which gets up to {@link #SIZE} inputs and returns one output per input. */
  static <I, O> Iterator<O> of(Iterator<I> in, Function<List<I>, List<O>> step) {
    return new Batches<>(in, step);
  }

  @Override
  public boolean hasNext() {
    while (next == batch.size()) {
      if (!in.hasNext()) {
        return false;
      }
      List<I> inputs = new ArrayList<>(SIZE);
      while (inputs.size() < SIZE && in.hasNext()) {
        inputs.add(in.next());
      }
      batch = step.apply(inputs);
      next = 0;
    }
    return true;
  }

  @Override
  public O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.get(next++);
  }
}
