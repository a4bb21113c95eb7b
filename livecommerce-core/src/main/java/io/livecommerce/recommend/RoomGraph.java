package io.livecommerce.recommend;

import io.livecommerce.math.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * A frozen set of room vectors searchable by cosine: an HNSW graph (Lucene's builder and searcher over our own
 * arrays) when the set is large, an exact scan when it is small. Rooms removed after the build are skipped at search
 * time through their {@link RoomEntry#removed} flag.
 *
 * <p>Immutable after construction and thread-safe for concurrent searches. Package-private.
 */
final class RoomGraph {

  static final RoomGraph EMPTY = new RoomGraph(new RoomEntry[0], null, null);

  final RoomEntry[] entries;
  private final RandomAccessVectorValues.Floats values;
  private final OnHeapHnswGraph graph; // null: exact scan

  private RoomGraph(RoomEntry[] entries, RandomAccessVectorValues.Floats values, OnHeapHnswGraph graph) {
    this.entries = entries;
    this.values = values;
    this.graph = graph;
  }

  /**
   * Builds over {@code entries} (unit vectors of one dimension), with a graph when there are at least
   * {@code graphFrom} of them. Single-threaded and seeded, so the same entries in the same order give the same
   * graph.
   */
  static RoomGraph build(RoomEntry[] entries, int graphFrom, int maxConnections, int beamWidth, long seed) {
    if (entries.length < graphFrom || entries.length == 0) {
      return new RoomGraph(entries, null, null);
    }
    List<float[]> vectors = new ArrayList<>(entries.length);
    for (RoomEntry e : entries) {
      vectors.add(e.vector);
    }
    RandomAccessVectorValues.Floats values = RandomAccessVectorValues.fromFloats(vectors, entries[0].vector.length);
    try {
      RandomVectorScorerSupplier scorers = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
          VectorSimilarityFunction.DOT_PRODUCT, values);
      OnHeapHnswGraph g = HnswGraphBuilder.create(scorers, maxConnections, beamWidth, seed).build(entries.length);
      return new RoomGraph(entries, values, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // on-heap vectors: no I/O happens
    }
  }

  int size() {
    return entries.length;
  }

  boolean hasGraph() {
    return graph != null;
  }

  /**
   * Offers the rooms nearest to {@code query} (unit length) to {@code out}, scored by cosine: with a graph, the
   * best {@code beam} the graph search finds; without, every room.
   */
  void search(float[] query, int beam, EntryHeap out) {
    if (graph == null) {
      for (RoomEntry e : entries) {
        if (!e.removed) {
          out.offer(e, Vectors.dot(query, e.vector));
        }
      }
      return;
    }
    try {
      RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
          VectorSimilarityFunction.DOT_PRODUCT, values, query);
      KnnCollector found = HnswGraphSearcher.search(scorer, beam, graph, new Live(), Integer.MAX_VALUE);
      for (ScoreDoc d : found.topDocs().scoreDocs) {
        RoomEntry e = entries[d.doc];
        out.offer(e, 2 * d.score - 1); // Lucene's dot-product score is (1 + cosine) / 2
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exact: every room, scored by cosine, for recall measurements. */
  void scan(float[] query, EntryHeap out) {
    for (RoomEntry e : entries) {
      if (!e.removed) {
        out.offer(e, Vectors.dot(query, e.vector));
      }
    }
  }

  /** The rooms not removed since the build. */
  private final class Live implements Bits {
    @Override
    public boolean get(int index) {
      return !entries[index].removed;
    }

    @Override
    public int length() {
      return entries.length;
    }
  }
}
