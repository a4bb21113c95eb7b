package io.livecommerce.recommend;

import io.livecommerce.math.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AbstractKnnCollector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.NeighborArray;
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
      BeamCollector found = new BeamCollector(beam);
      HnswGraphSearcher.search(scorer, found, new GraphView(graph), new Live());
      for (int i = 0; i < found.best.size(); i++) {
        out.offer(entries[found.best.id(i)], 2 * found.best.score(i) - 1); // Lucene's score is (1 + cosine) / 2
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The share of the exact {@code n} nearest rooms the graph search finds, averaged over {@code queries} seeded
   * queries (room vectors of the graph, each nudged off its own room); 1 without a graph.
   */
  double recall(int n, int queries, long seed, int beam) {
    if (graph == null) {
      return 1;
    }
    java.util.Random rnd = new java.util.Random(seed);
    double found = 0;
    for (int q = 0; q < queries; q++) {
      float[] query = entries[rnd.nextInt(entries.length)].vector.clone();
      for (int d = 0; d < query.length; d++) {
        query[d] += (float) (0.05 * rnd.nextGaussian());
      }
      Vectors.normalizeInPlace(query);
      EntryHeap approx = new EntryHeap(n);
      search(query, beam, approx);
      EntryHeap exact = new EntryHeap(n);
      scan(query, exact);
      java.util.Set<RoomEntry> truth = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      truth.addAll(List.of(exact.toArray()));
      int hits = 0;
      for (RoomEntry e : approx.toArray()) {
        hits += truth.contains(e) ? 1 : 0;
      }
      found += truth.isEmpty() ? 1 : hits / (double) truth.size();
    }
    return found / queries;
  }

  /** Exact: every room, scored by cosine, for recall measurements. */
  void scan(float[] query, EntryHeap out) {
    for (RoomEntry e : entries) {
      if (!e.removed) {
        out.offer(e, Vectors.dot(query, e.vector));
      }
    }
  }

  /**
   * The {@code k} best nodes the graph search meets, in an {@link IntTopK}: what Lucene's TopKnnCollector does,
   * without the TopDocs and ScoreDoc objects a request would throw away.
   */
  private static final class BeamCollector extends AbstractKnnCollector {
    final IntTopK best;

    BeamCollector(int k) {
      super(k, Long.MAX_VALUE);
      best = new IntTopK(k);
    }

    @Override
    public boolean collect(int doc, float similarity) {
      return best.offer(doc, similarity);
    }

    @Override
    public int numCollected() {
      return best.size();
    }

    @Override
    public float minCompetitiveSimilarity() {
      return best.full() ? best.worst() : Float.NEGATIVE_INFINITY;
    }

    @Override
    public TopDocs topDocs() {
      throw new UnsupportedOperationException("read the hits from best");
    }
  }

  /**
   * A cursor over the graph for one search. Lucene's on-heap graph keeps the neighbour cursor of {@code seek} and
   * {@code nextNeighbor} in the graph object itself, so two threads searching it at once corrupt each other's walk
   * (an ArrayIndexOutOfBoundsException under load); each search gets its own cursor over the shared, immutable
   * neighbour arrays instead.
   */
  private static final class GraphView extends HnswGraph {
    private final OnHeapHnswGraph graph;
    private int[] nodes;
    private int size;
    private int upto;

    GraphView(OnHeapHnswGraph graph) {
      this.graph = graph;
    }

    @Override
    public void seek(int level, int target) {
      NeighborArray neighbors = graph.getNeighbors(level, target);
      nodes = neighbors.nodes();
      size = neighbors.size();
      upto = -1;
    }

    @Override
    public int nextNeighbor() {
      return ++upto < size ? nodes[upto] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int size() {
      return graph.size();
    }

    @Override
    public int maxNodeId() {
      return graph.maxNodeId();
    }

    @Override
    public int numLevels() {
      return graph.numLevels();
    }

    @Override
    public int entryNode() {
      return graph.entryNode();
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
      return graph.getNodesOnLevel(level);
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
