package io.livecommerce.regress;

import io.livecommerce.math.RidgeModel;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The file format of {@link TabularModel} (type {@code tabular-ridge}); stateless and thread-safe. */
final class TabularModelCodec implements ModelCodec<TabularModel> {
  @Override
  public String type() {
    return "tabular-ridge";
  }

  @Override
  public int version() {
    return 3;
  }

  @Override
  public void write(TabularModel m, DataOutput out) throws IOException {
    FeaturePipeline p = m.pipeline();
    ModelFiles.writeStrings(out, p.numeric);
    ModelFiles.writeStrings(out, new ArrayList<>(p.logColumns));
    ModelFiles.writeDoubles(out, p.medians);
    for (boolean b : p.hasMissing) {
      out.writeBoolean(b);
    }
    ModelFiles.writeStrings(out, p.categorical);
    for (List<String> l : p.levels) {
      ModelFiles.writeStrings(out, l);
    }
    out.writeBoolean(p.useText);
    out.writeInt(p.textDim);
    out.writeInt(p.projection);
    out.writeLong(p.seed);
    RidgeModelCodec.INSTANCE.write(m.ridge(), out);
    out.writeDouble(m.residualLow());
    out.writeDouble(m.residualHigh());
    out.writeBoolean(m.logTarget());
    out.writeBoolean(p.textMissingIndicator); // version 2 on
    ModelFiles.writeDoubles(out, m.blockRatios());
    out.writeDouble(m.crossValidatedR2());
    ModelFiles.writeStrings(out, new ArrayList<>(p.extras.autoLog()));
    for (double[] k : p.extras.knots()) {
      ModelFiles.writeDoubles(out, k);
    }
    out.writeBoolean(p.extras.interactions());
    TreeBlend trees = m.treeBlend(); // version 3 on
    out.writeBoolean(trees != null);
    if (trees != null) {
      out.writeDouble(trees.weight());
      out.writeUTF(trees.learner());
      out.writeInt(trees.columns().length);
      for (int c : trees.columns()) {
        out.writeInt(c);
      }
      TreeEnsemble.write(trees.trees(), out);
    }
  }

  @Override
  public TabularModel read(DataInput in, int version) throws IOException {
    List<String> numeric = ModelFiles.readStrings(in, 100_000);
    Set<String> logColumns = new LinkedHashSet<>(ModelFiles.readStrings(in, numeric.size()));
    double[] medians = ModelFiles.readDoubles(in, numeric.size());
    boolean[] hasMissing = new boolean[numeric.size()];
    for (int i = 0; i < hasMissing.length; i++) {
      hasMissing[i] = in.readBoolean();
    }
    List<String> categorical = ModelFiles.readStrings(in, 100_000);
    List<List<String>> levels = new ArrayList<>();
    for (int i = 0; i < categorical.size(); i++) {
      levels.add(ModelFiles.readStrings(in, 10_000_000));
    }
    boolean useText = in.readBoolean();
    int textDim = in.readInt();
    int projection = in.readInt();
    // The projection matrix is regenerated from the seed, not read: bound it here, not by the file's size.
    if (textDim < 0 || textDim > 1 << 16 || projection < 0 || projection > textDim
        || (long) textDim * projection > 1 << 24) {
      throw new IOException("text dimension " + textDim + " and projection " + projection + " out of range");
    }
    long seed = in.readLong();
    RidgeModel ridge = RidgeModelCodec.INSTANCE.read(in, 1);
    double low = in.readDouble();
    double high = in.readDouble();
    boolean logTarget = in.readBoolean();
    boolean textMissing = false;
    double[] ratios = {1, 1, 1, 1};
    double r2 = Double.NaN;
    FeaturePipeline.Extras extras = FeaturePipeline.Extras.none(numeric.size());
    if (version >= 2) {
      textMissing = in.readBoolean();
      ratios = ModelFiles.readDoubles(in, 4);
      if (ratios.length != 4) {
        throw new IOException("expected 4 block penalty ratios but found " + ratios.length);
      }
      r2 = in.readDouble();
      Set<String> autoLog = new LinkedHashSet<>(ModelFiles.readStrings(in, numeric.size()));
      double[][] knots = new double[numeric.size()][];
      for (int c = 0; c < knots.length; c++) {
        knots[c] = ModelFiles.readDoubles(in, 64);
      }
      extras = new FeaturePipeline.Extras(autoLog, knots, in.readBoolean());
    }
    FeaturePipeline p = new FeaturePipeline(numeric, logColumns, medians, hasMissing, categorical, levels, useText,
        textDim, projection, seed, textMissing, extras);
    if (ridge.features() != p.names.size()) {
      throw new IOException("ridge has " + ridge.features() + " features but the pipeline makes " + p.names.size());
    }
    TreeBlend trees = version >= 3 && in.readBoolean() ? readTrees(in, p.names.size()) : null;
    return new TabularModel(p, ridge, low, high, logTarget, ratios, r2, trees, null);
  }

  private static TreeBlend readTrees(DataInput in, int features) throws IOException {
    double weight = in.readDouble();
    String learner = in.readUTF();
    int[] columns = new int[ModelFiles.readCount(in, features, Integer.BYTES, "tree column count")];
    for (int j = 0; j < columns.length; j++) {
      columns[j] = in.readInt();
      if (columns[j] < 0 || columns[j] >= features) {
        throw new IOException("tree column " + j + " is feature " + columns[j] + " of " + features);
      }
    }
    TreeEnsemble ensemble = TreeEnsemble.read(in);
    try {
      return new TreeBlend(ensemble, columns, weight, learner);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
