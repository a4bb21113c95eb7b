package io.livecommerce.selection;

import io.livecommerce.Reason;
import io.livecommerce.Scored;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.SalesRecord;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.Provenance;
import io.livecommerce.persist.SavedModel;
import io.livecommerce.regress.RegressionEvaluation;
import io.livecommerce.regress.RegressionReport;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularPrediction;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import io.livecommerce.regress.TreeLearner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Predicts an anchor's sales of candidate products (选品) with ridge regression on the product's text embedding,
 * structured features and the anchor–product fit, trained on past sales pooled across anchors.
 *
 * <p>One training row per {@link SalesRecord}; the target is units sold, learned as {@code log(1 + units)}.
 * Features: price and log price; category, brand (levels seen at least 3 times) and the session's time slot and
 * weekday (platform time zone, default Asia/Shanghai); the anchor's fit, the cosine between the product and the
 * sales-weighted mean embedding of what the anchor sold before (leaving the product itself out in training); the
 * anchor's usual level, the mean log units of its other sales; log followers; and the text embedding. A forecast is
 * for a typical next session: the anchor's most frequent slot and weekday. Anchors without history are predicted
 * from pooled data (their anchor features are imputed with training medians).
 *
 * <p>Results are ranked by predicted revenue ({@code units × price}) and explained by the largest feature
 * contributions and the most similar products the anchor (or anyone) sold, with their real sales.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegressionProductSelector implements ProductSelector {

  /** The codec {@link ModelFiles} uses. The embedder is not saved; pass it to {@link #load}. */
  public static final ModelCodec<RegressionProductSelector> CODEC = new ProductSelectorCodec();

  static final List<String> NUMERIC = List.of("price", "anchor fit", "anchor usual log units", "anchor log followers");
  static final List<String> CATEGORICAL = List.of("category", "brand", "slot", "weekday");

  final TabularModel model;
  private final TextEmbedder embedder;
  final AnchorStats stats;
  final List<String> pastIds;
  final List<String> pastTitles;
  final float[][] pastVectors;
  final double[] pastUnits; // mean units per session
  final Map<String, int[]> anchorPast;

  RegressionProductSelector(TabularModel model, TextEmbedder embedder, AnchorStats stats,
      List<String> pastIds, List<String> pastTitles, float[][] pastVectors, double[] pastUnits,
      Map<String, int[]> anchorPast) {
    this.model = model;
    this.embedder = embedder;
    this.stats = stats;
    this.pastIds = List.copyOf(pastIds);
    this.pastTitles = List.copyOf(pastTitles);
    this.pastVectors = pastVectors;
    this.pastUnits = pastUnits;
    this.anchorPast = Map.copyOf(anchorPast);
  }

  /** A builder; an embedder is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The regression model (for its coefficients and feature names). */
  public TabularModel model() {
    return model;
  }

  @Override
  public List<Scored<SalesForecast>> select(String anchorId, List<Product> candidates, int k) {
    Checks.notBlank(anchorId, "anchorId");
    List<Product> list = Checks.copyNoNulls(Checks.notNull(candidates, "candidates"), "candidates");
    Checks.positive(k, "k");
    if (list.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
    Set<String> ids = new HashSet<>();
    for (Product p : list) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("candidates contains product id " + Checks.quote(p.id()) + " twice");
      }
    }
    List<float[]> vectors = normalized(embedder.embedAll(list.stream().map(Product::text).toList()));
    // Rank every candidate by its estimate; explain only the k kept (explanations cost a scan of past products and,
    // with trees, a TreeSHAP pass).
    List<TabularRow> rows = new ArrayList<>(list.size());
    List<Integer> order = new ArrayList<>(list.size());
    double[] revenue = new double[list.size()];
    for (int i = 0; i < list.size(); i++) {
      Product p = list.get(i);
      rows.add(stats.row(p, anchorId, null, null, null, vectors.get(i), Double.NaN));
      revenue[i] = model.estimate(rows.get(i), vectors.get(i)).value() * p.priceCents();
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -revenue[i]).thenComparing(i -> list.get(i).id()));
    List<Scored<SalesForecast>> out = new ArrayList<>();
    for (int i : order.subList(0, Math.min(k, order.size()))) {
      Product p = list.get(i);
      TabularPrediction pred = model.predict(rows.get(i), vectors.get(i));
      SalesForecast f = new SalesForecast(p, pred.value(), pred.value() * p.priceCents(), pred.low(), pred.high());
      List<Reason> reasons = new ArrayList<>(pred.reasons());
      similar(anchorId, vectors.get(i), p.id()).ifPresent(reasons::add);
      out.add(new Scored<>(f, f.revenueCents(), reasons));
    }
    return List.copyOf(out);
  }

  /** The most similar past product, preferring what this anchor sold. */
  private java.util.Optional<Reason> similar(String anchorId, float[] v, String productId) {
    int[] own = anchorPast.get(anchorId);
    int best = -1;
    float bestSim = Float.NEGATIVE_INFINITY;
    boolean ownBest = false;
    if (own != null) {
      for (int j : own) {
        float s = Vectors.dot(v, pastVectors[j]);
        if (s > bestSim && !pastIds.get(j).equals(productId)) {
          bestSim = s;
          best = j;
          ownBest = true;
        }
      }
    }
    if (best < 0) {
      for (int j = 0; j < pastIds.size(); j++) {
        float s = Vectors.dot(v, pastVectors[j]);
        if (s > bestSim && !pastIds.get(j).equals(productId)) {
          bestSim = s;
          best = j;
        }
      }
    }
    if (best < 0) {
      return java.util.Optional.empty();
    }
    String text = String.format(Locale.ROOT, "similar to 「%s」, which %s %.0f units per session",
        pastTitles.get(best), ownBest ? "this anchor sold" : "sold", pastUnits[best]);
    return java.util.Optional.of(new Reason("similar", 0, text));
  }

  /** Saves the selector atomically (see {@link ModelFiles}). */
  public void save(Path path) throws IOException {
    ModelFiles.save(path, CODEC, this, Provenance.of(embedder, model.describe()));
  }

  /** Loads a saved selector; pass the embedder it was trained with. */
  public static RegressionProductSelector load(Path path, TextEmbedder embedder) throws IOException {
    Checks.notNull(embedder, "embedder");
    SavedModel<RegressionProductSelector> saved = ModelFiles.loadWithProvenance(path, CODEC);
    Provenance.requireSameEmbedder(path, saved.provenance(), embedder);
    RegressionProductSelector s = saved.model();
    return new RegressionProductSelector(s.model.withEmbedder(embedder), embedder, s.stats, s.pastIds,
        s.pastTitles, s.pastVectors, s.pastUnits, s.anchorPast);
  }

  @Override
  public String toString() {
    return "RegressionProductSelector{" + model + ", pastProducts=" + pastIds.size() + "}";
  }

  static List<float[]> normalized(List<float[]> vs) {
    List<float[]> out = new ArrayList<>(vs.size());
    for (float[] v : vs) {
      out.add(Vectors.normalize(v));
    }
    return out;
  }

  /** Trains a {@link RegressionProductSelector}. Not thread-safe. */
  public static final class Builder {
    private TextEmbedder embedder;
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private int folds = 5;
    private long seed = 42;
    private TreeLearner treeLearner;
    private int textProjection;
    private double[] lambdas;

    private Builder() {}

    /** The embedder for product text; required. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = Checks.notNull(embedder, "embedder");
      return this;
    }

    /** The platform's time zone for time slots and weekdays; default Asia/Shanghai. */
    public Builder zone(ZoneId zone) {
      this.zone = Checks.notNull(zone, "zone");
      return this;
    }

    /** Cross-validation folds, at least 2; default 5. */
    public Builder folds(int folds) {
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be >= 2 but was " + folds);
      }
      this.folds = folds;
      return this;
    }

    /**
     * Offers boosted trees beside ridge (for example {@code livecommerce-xgboost}'s {@code XGBoostTreeLearner});
     * cross-validation chooses ridge, trees or their blend. Null (the default) fits ridge alone.
     */
    public Builder treeLearner(TreeLearner learner) {
      this.treeLearner = learner;
      return this;
    }

    /** Seeds fold assignment and the projection; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Reduce the text embedding to this many dimensions by a seeded random projection; 0 (default) keeps it. */
    public Builder textProjection(int dims) {
      this.textProjection = Checks.nonNegative(dims, "textProjection");
      return this;
    }

    /** Penalties for cross-validation; default {@link io.livecommerce.math.RidgeRegression#DEFAULT_LAMBDAS}. */
    public Builder lambdas(double[] lambdas) {
      this.lambdas = Checks.notNull(lambdas, "lambdas").clone();
      return this;
    }

    TabularRegressor regressor() {
      TabularRegressor.Builder b = TabularRegressor.newBuilder().embedder(embedder).useText(true)
          .numericColumns(NUMERIC).logColumns(Set.of("price")).categoricalColumns(CATEGORICAL)
          .minCategoryCount(3).textProjection(textProjection).folds(folds).seed(seed).logTarget(true)
          .treeLearner(treeLearner);
      if (lambdas != null) {
        b.lambdas(lambdas);
      }
      return b.build();
    }

    /**
     * Trains on past sales pooled across anchors.
     *
     * @param products every product the sales refer to (more is fine); ids unique
     * @param sales the sales log, at least 3 records
     * @param anchors anchors for follower counts; may be empty
     * @throws IllegalArgumentException if a sale names an unknown product (the message gives its index), ids repeat,
     *     or no embedder was set
     */
    public RegressionProductSelector train(List<Product> products, List<SalesRecord> sales, List<Anchor> anchors) {
      Prepared p = prepare(products, sales, anchors);
      TabularModel model = regressor().fit(p.rows, p.vectors);
      return p.selector(model, embedder);
    }

    /**
     * Trains on {@code train} and reports holdout R², MAE, Spearman and top-k precision on {@code test} beside the
     * mean, structured-only and text-only baselines. Test rows use anchor statistics from training only.
     */
    public List<RegressionReport> evaluate(List<Product> products, List<SalesRecord> train, List<SalesRecord> test,
        List<Anchor> anchors, int k) {
      Prepared p = prepare(products, train, anchors);
      Checks.copyNoNulls(Checks.notNull(test, "test"), "test");
      List<TabularRow> testRows = new ArrayList<>();
      List<float[]> testVectors = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        SalesRecord s = test.get(i);
        Integer idx = p.productIndex.get(s.productId());
        if (idx == null) {
          throw new IllegalArgumentException(
              "test[" + i + "].productId " + Checks.quote(s.productId()) + " is not among products");
        }
        float[] v = p.productVectors.get(idx);
        testRows.add(p.stats.row(p.productList.get(idx), s.anchorId(), s.timestampMillis(), null, null, v,
            s.units()));
        testVectors.add(v);
      }
      return RegressionEvaluation.compare(regressor(), p.rows, p.vectors, testRows, testVectors, k);
    }

    private Prepared prepare(List<Product> products, List<SalesRecord> sales, List<Anchor> anchors) {
      if (embedder == null) {
        throw new IllegalArgumentException("embedder must be set before training");
      }
      List<Product> productList = Checks.copyNoNulls(Checks.notNull(products, "products"), "products");
      List<SalesRecord> saleList = Checks.copyNoNulls(Checks.notNull(sales, "sales"), "sales");
      List<Anchor> anchorList = Checks.copyNoNulls(Checks.notNull(anchors, "anchors"), "anchors");
      Map<String, Integer> productIndex = new HashMap<>();
      for (int i = 0; i < productList.size(); i++) {
        if (productIndex.put(productList.get(i).id(), i) != null) {
          throw new IllegalArgumentException(
              "products contains id " + Checks.quote(productList.get(i).id()) + " twice");
        }
      }
      for (int i = 0; i < saleList.size(); i++) {
        if (!productIndex.containsKey(saleList.get(i).productId())) {
          throw new IllegalArgumentException(
              "sales[" + i + "].productId " + Checks.quote(saleList.get(i).productId()) + " is not among products");
        }
      }
      List<float[]> productVectors = normalized(embedder.embedAll(productList.stream().map(Product::text).toList()));
      Map<String, float[]> profileSums = new HashMap<>();
      Map<String, Double> levelSums = new HashMap<>();
      Map<String, Integer> counts = new HashMap<>();
      Map<String, Map<Integer, float[]>> ownSums = new HashMap<>();
      SessionTime time = new SessionTime(zone);
      for (SalesRecord s : saleList) {
        int idx = productIndex.get(s.productId());
        float[] v = productVectors.get(idx);
        float[] sum = profileSums.computeIfAbsent(s.anchorId(), a -> new float[v.length]);
        float[] own = ownSums.computeIfAbsent(s.anchorId(), a -> new HashMap<>())
            .computeIfAbsent(idx, x -> new float[v.length]);
        Vectors.addScaled(sum, v, s.units());
        Vectors.addScaled(own, v, s.units());
        levelSums.merge(s.anchorId(), Math.log1p(s.units()), Double::sum);
        counts.merge(s.anchorId(), 1, Integer::sum);
        time.record(s.anchorId(), s.timestampMillis());
      }
      Map<String, Double> followers = new HashMap<>();
      for (Anchor a : anchorList) {
        followers.put(a.id(), Math.log1p(a.followers()));
      }
      AnchorStats stats = new AnchorStats(Map.copyOf(profileSums), Map.copyOf(levelSums), Map.copyOf(counts),
          Map.copyOf(followers), time.usualSlots(), time.usualWeekdays(), zone);
      List<TabularRow> rows = new ArrayList<>(saleList.size());
      List<float[]> vectors = new ArrayList<>(saleList.size());
      for (SalesRecord s : saleList) {
        int idx = productIndex.get(s.productId());
        float[] v = productVectors.get(idx);
        rows.add(stats.row(productList.get(idx), s.anchorId(), s.timestampMillis(), s,
            ownSums.get(s.anchorId()).get(idx), v, s.units()));
        vectors.add(v);
      }
      return new Prepared(productList, productIndex, productVectors, stats, rows, vectors, saleList);
    }

    private record Prepared(List<Product> productList, Map<String, Integer> productIndex,
        List<float[]> productVectors, AnchorStats stats, List<TabularRow> rows, List<float[]> vectors,
        List<SalesRecord> sales) {

      RegressionProductSelector selector(TabularModel model, TextEmbedder embedder) {
        // Memory of sold products for "similar to" explanations: mean units per session.
        Map<Integer, double[]> perProduct = new LinkedHashMap<>();
        Map<String, Set<Integer>> byAnchor = new HashMap<>();
        for (SalesRecord s : sales) {
          int idx = productIndex.get(s.productId());
          double[] acc = perProduct.computeIfAbsent(idx, x -> new double[2]);
          acc[0] += s.units();
          acc[1]++;
          byAnchor.computeIfAbsent(s.anchorId(), a -> new java.util.TreeSet<>()).add(idx);
        }
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        float[][] vs = new float[perProduct.size()][];
        double[] units = new double[perProduct.size()];
        Map<Integer, Integer> memoryIndex = new HashMap<>();
        int j = 0;
        for (Map.Entry<Integer, double[]> e : perProduct.entrySet()) {
          Product p = productList.get(e.getKey());
          memoryIndex.put(e.getKey(), j);
          ids.add(p.id());
          titles.add(p.title());
          vs[j] = productVectors.get(e.getKey());
          units[j] = e.getValue()[0] / e.getValue()[1];
          j++;
        }
        Map<String, int[]> anchorPast = new HashMap<>();
        byAnchor.forEach((a, set) -> anchorPast.put(a, set.stream().mapToInt(memoryIndex::get).toArray()));
        return new RegressionProductSelector(model, embedder, stats, ids, titles, vs, units, anchorPast);
      }
    }
  }
}
