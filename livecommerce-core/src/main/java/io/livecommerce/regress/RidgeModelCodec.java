package io.livecommerce.regress;

import io.livecommerce.math.RidgeModel;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The file format of a {@link RidgeModel} (type {@code ridge}), alone or inside a tabular model's file. It lives
 * here, not beside the model, so that {@code math} needs nothing from {@code persist}. Stateless and thread-safe.
 */
public final class RidgeModelCodec implements ModelCodec<RidgeModel> {

  /** The codec; pass it to {@link ModelFiles#save} and {@link ModelFiles#load}. */
  public static final ModelCodec<RidgeModel> INSTANCE = new RidgeModelCodec();

  private RidgeModelCodec() {}

  @Override
  public String type() {
    return "ridge";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public void write(RidgeModel m, DataOutput out) throws IOException {
    ModelFiles.writeDoubles(out, m.means());
    ModelFiles.writeDoubles(out, m.scales());
    ModelFiles.writeDoubles(out, m.coefficients());
    out.writeDouble(m.intercept());
    out.writeDouble(m.lambda());
    out.writeDouble(m.effectiveLambda());
    out.writeLong(m.rows());
  }

  @Override
  public RidgeModel read(DataInput in, int version) throws IOException {
    double[] means = ModelFiles.readDoubles(in, 10_000_000);
    double[] scales = ModelFiles.readDoubles(in, means.length);
    double[] coefficients = ModelFiles.readDoubles(in, means.length);
    try {
      return new RidgeModel(means, scales, coefficients, in.readDouble(), in.readDouble(), in.readDouble(),
          in.readLong());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
