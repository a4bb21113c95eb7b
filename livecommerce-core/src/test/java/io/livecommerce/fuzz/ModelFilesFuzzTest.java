package io.livecommerce.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.livecommerce.math.RidgeModel;
import io.livecommerce.persist.ModelCodec;
import io.livecommerce.persist.ModelFiles;
import io.livecommerce.persist.ModelFormatException;
import io.livecommerce.recommend.AlsModel;
import io.livecommerce.recommend.EaseModel;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.regress.RidgeModelCodec;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.selection.RegressionProductSelector;
import io.livecommerce.selection.RegressionPromotionRanker;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model-file loader on hostile files. The fuzzer's bytes become a payload inside a well-formed header with a
 * correct checksum (random bytes would only ever test the checksum), read by each real codec. Only
 * {@link ModelFormatException} and {@link IOException} may escape: never an NPE, an index error, or an allocation
 * larger than the file.
 */
class ModelFilesFuzzTest {

  private static final List<ModelCodec<?>> CODECS = List.of(AlsModel.CODEC, ImplicitModel.CODEC,
      HybridRoomRecommender.CODEC, RidgeModelCodec.INSTANCE, TabularModel.CODEC, RegressionProductSelector.CODEC,
      RegressionPromotionRanker.CODEC, EaseModel.CODEC);

  /** Writes raw bytes as another codec's payload. */
  record Raw(String type, int version) implements ModelCodec<byte[]> {
    @Override
    public void write(byte[] model, DataOutput out) throws IOException {
      out.write(model);
    }

    @Override
    public byte[] read(DataInput in, int version) {
      throw new UnsupportedOperationException();
    }
  }

  @FuzzTest(maxDuration = "24h")
  void loader(FuzzedDataProvider data) throws IOException {
    ModelCodec<?> codec = CODECS.get(data.consumeInt(0, CODECS.size() - 1));
    byte[] payload = data.consumeRemainingAsBytes();
    Path file = Files.createTempFile("fuzz", ".model");
    try {
      ModelFiles.save(file, new Raw(codec.type(), codec.version()), payload);
      ModelFiles.load(file, codec);
    } catch (IOException expected) {
      // documented: ModelFormatException is an IOException
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
