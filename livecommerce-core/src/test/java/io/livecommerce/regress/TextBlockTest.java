package io.livecommerce.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text block's own penalty, missing text as data, and models that remember their embedder. */
class TextBlockTest {

  static final TextEmbedder EMBEDDER = HashingTextEmbedder.create(); // 512 dimensions

  /** y from x and color; the text is either noise words or a word that carries a planted effect. */
  static List<TabularRow> rows(int n, long seed, boolean textCarriesSignal) {
    Random rnd = new Random(seed);
    String[] noise = {"苹果", "香蕉", "橙子", "葡萄", "西瓜", "草莓", "芒果", "樱桃", "桃子", "梨", "柠檬", "蓝莓"};
    List<TabularRow> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = rnd.nextGaussian();
      String color = i % 2 == 0 ? "red" : "blue";
      boolean premium = rnd.nextBoolean();
      String text = noise[rnd.nextInt(noise.length)] + " " + noise[rnd.nextInt(noise.length)]
          + (textCarriesSignal && premium ? " 限量礼盒" : "");
      double y = 3 * x + (color.equals("red") ? 2 : 0) + (textCarriesSignal && premium ? 4 : 0)
          + rnd.nextGaussian();
      out.add(new TabularRow("r" + i, text, Map.of("x", x), Map.of("color", color), y));
    }
    return out;
  }

  static TabularRegressor.Builder builder() {
    return TabularRegressor.newBuilder().numericColumns(List.of("x")).categoricalColumns(List.of("color"));
  }

  @Test
  void aNoiseTextColumnIsSwitchedOffAndCostsNothing() {
    List<TabularRow> rows = rows(300, 1, false);
    TabularModel withText = builder().embedder(EMBEDDER).build().fit(rows);
    TabularModel without = builder().build().fit(rows);
    assertFalse(withText.textKept(), "CV left the noise text out: " + withText.describe());
    assertTrue(Double.isInfinite(withText.textPenaltyRatio()));
    assertTrue(withText.crossValidatedR2() >= without.crossValidatedR2() - 0.005,
        withText.crossValidatedR2() + " vs " + without.crossValidatedR2());
    for (Map.Entry<String, Double> c : withText.coefficients().entrySet()) {
      if (c.getKey().startsWith("text[")) {
        assertEquals(0.0, c.getValue(), 0.0, c.getKey());
      }
    }
  }

  @Test
  void aTextColumnWithSignalIsKeptAndHelps() {
    List<TabularRow> rows = rows(300, 2, true);
    TabularModel withText = builder().embedder(EMBEDDER).build().fit(rows);
    TabularModel without = builder().build().fit(rows);
    assertTrue(withText.textKept(), withText.describe());
    assertTrue(withText.crossValidatedR2() > without.crossValidatedR2() + 0.1,
        withText.crossValidatedR2() + " vs " + without.crossValidatedR2());
  }

  @Test
  void blankTextIsMissingDataNotAnError() {
    List<TabularRow> rows = new ArrayList<>(rows(200, 3, true));
    for (int i = 0; i < rows.size(); i += 9) {
      TabularRow r = rows.get(i);
      rows.set(i, new TabularRow(r.id(), "", r.numeric(), r.categorical(), r.target()));
    }
    TabularModel m = builder().embedder(EMBEDDER).build().fit(rows);
    assertTrue(m.featureNames().contains("text missing"), m.featureNames().toString());
    double blank = m.predict(new TabularRow("q", " ", Map.of("x", 0.0), Map.of("color", "red"), Double.NaN)).value();
    assertTrue(Double.isFinite(blank));
    // Without blanks in training there is no indicator, and a blank at prediction time is still fine.
    TabularModel full = builder().embedder(EMBEDDER).build().fit(rows(200, 3, true));
    assertFalse(full.featureNames().contains("text missing"));
    assertTrue(Double.isFinite(full.predict(new TabularRow("q", "", Map.of("x", 0.0), Map.of(), Double.NaN)).value()));
  }

  @Test
  void aModelLoadedWithAnotherEmbedderIsRefused(@TempDir Path dir) throws Exception {
    TabularModel m = builder().embedder(EMBEDDER).build().fit(rows(120, 4, true));
    Path file = dir.resolve("m.model");
    m.save(file);
    TextEmbedder other = HashingTextEmbedder.newBuilder().seed(7).build(); // also 512 dimensions
    assertEquals(EMBEDDER.dimension(), other.dimension());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(file, other));
    assertTrue(e.getMessage().contains(EMBEDDER.identity()) && e.getMessage().contains(other.identity()),
        e.getMessage());
    TabularModel loaded = TabularModel.load(file, HashingTextEmbedder.create());
    TabularRow q = new TabularRow("q", "草莓 限量礼盒", Map.of("x", 1.0), Map.of("color", "red"), Double.NaN);
    assertEquals(m.predict(q).value(), loaded.predict(q).value(), 0.0);
    assertEquals(m.textPenaltyRatio(), loaded.textPenaltyRatio(), 0.0);
    assertEquals(m.crossValidatedR2(), loaded.crossValidatedR2(), 0.0);
  }
}
