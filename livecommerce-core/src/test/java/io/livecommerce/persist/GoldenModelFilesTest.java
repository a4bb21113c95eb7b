package io.livecommerce.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.Scored;
import io.livecommerce.domain.LiveRoom;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.recommend.EaseTrainer;
import io.livecommerce.recommend.HybridRoomRecommender;
import io.livecommerce.recommend.ImplicitAls;
import io.livecommerce.recommend.ImplicitModel;
import io.livecommerce.recommend.ImplicitRecommender;
import io.livecommerce.recommend.Interaction;
import io.livecommerce.recommend.LiveWorldAccess;
import io.livecommerce.recommend.ModelFamily;
import io.livecommerce.recommend.RoomQuery;
import io.livecommerce.regress.StumpLearner;
import io.livecommerce.regress.TabularModel;
import io.livecommerce.regress.TabularRegressor;
import io.livecommerce.regress.TabularRow;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Model files written by earlier versions still load and predict what they predicted then. Each golden file under
 * {@code src/test/resources/golden/<version>/} sits beside the outputs the writing version gave for fixed queries;
 * a change to a codec that forgets the old layout fails here. To add the files of a new format version, run
 * {@link #main} with the target folder and commit what it writes.
 */
class GoldenModelFilesTest {

  static final TextEmbedder EMBEDDER = HashingTextEmbedder.newBuilder().dimension(32).build();

  static List<TabularRow> table(int n, long seed) {
    Random rnd = new Random(seed);
    String[] colors = {"red", "blue", "green"};
    List<TabularRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = rnd.nextInt(100);
      String color = colors[i % 3];
      String text = i % 7 == 0 ? "" : (color.equals("red") ? "口红 显白" : "耳机 降噪") + " " + i;
      double y = 50 + 2 * x - (color.equals("blue") ? 20 : 0) + rnd.nextGaussian() * 5;
      rows.add(new TabularRow("r" + i, text.isEmpty() ? "item " + i : text, Map.of("x", x), Map.of("color", color),
          y));
    }
    return rows;
  }

  /** A table whose target steps with x, so boosted stumps beat ridge. */
  static List<TabularRow> steps(int n, long seed) {
    List<TabularRow> rows = new ArrayList<>();
    for (TabularRow r : table(n, seed)) {
      double x = r.numeric().get("x");
      rows.add(new TabularRow(r.id(), r.text(), r.numeric(), r.categorical(), (x > 50 ? 100 : 0) + r.target() / 10));
    }
    return rows;
  }

  static List<Interaction> log(long seed) {
    Random rnd = new Random(seed);
    List<Interaction> out = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      for (int e = 0; e < 8; e++) {
        int item = (u % 4) * 5 + rnd.nextInt(5);
        out.add(new Interaction("u" + u, "i" + item, 1 + rnd.nextInt(3), e * 1000L + u));
      }
    }
    return out;
  }

  static Map<String, String> itemTexts() {
    Map<String, String> t = new java.util.LinkedHashMap<>();
    String[] kinds = {"口红 美妆", "耳机 数码", "零食 坚果", "茶叶 茶酒"};
    for (int i = 0; i < 20; i++) {
      t.put("i" + i, kinds[i / 5] + " 款" + i);
    }
    return t;
  }

  /** The outputs a model gives for the fixed queries, one line each, to 9 decimals. */
  static String tabularOutputs(TabularModel m) {
    StringBuilder sb = new StringBuilder();
    for (TabularRow r : table(12, 99)) {
      sb.append(String.format(Locale.ROOT, "%s %.9f%n", r.id(), m.predict(r).value()));
    }
    return sb.toString();
  }

  static String implicitOutputs(ImplicitModel m) {
    StringBuilder sb = new StringBuilder();
    for (String u : List.of("u0", "u1", "u2", "u3", "u39")) {
      for (Scored<String> s : m.recommend(u, 5, true)) {
        sb.append(String.format(Locale.ROOT, "%s %s %.6f%n", u, s.item(), s.score()));
      }
    }
    return sb.toString();
  }

  static String roomOutputs(HybridRoomRecommender r) {
    StringBuilder sb = new StringBuilder();
    for (String v : LiveWorldAccess.viewers().subList(0, 5)) {
      for (Scored<LiveRoom> s : r.recommend(RoomQuery.of(v, LiveWorldAccess.liveNow(), LiveWorldAccess.now(), 5))) {
        sb.append(String.format(Locale.ROOT, "%s %s %.6f%n", v, s.item().id(), s.score()));
      }
    }
    return sb.toString();
  }

  /** Writes the golden files of the current format into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    TabularModel tabular = TabularRegressor.newBuilder().embedder(EMBEDDER).numericColumns(List.of("x"))
        .categoricalColumns(List.of("color")).build().fit(table(60, 1));
    tabular.save(dir.resolve("tabular.model"));
    Files.writeString(dir.resolve("tabular.expected"), tabularOutputs(tabular), StandardCharsets.UTF_8);
    ImplicitModel implicit = ImplicitRecommender.newBuilder().embedder(EMBEDDER)
        .als(ImplicitAls.newBuilder().factors(4).iterations(5).seed(3).build()).build().fit(log(2), itemTexts());
    implicit.save(dir.resolve("implicit.model"));
    Files.writeString(dir.resolve("implicit.expected"), implicitOutputs(implicit), StandardCharsets.UTF_8);
    ImplicitModel blend = ImplicitRecommender.newBuilder().embedder(EMBEDDER).family(ModelFamily.BLEND)
        .ease(EaseTrainer.newBuilder().relativeLambda(0.5).build())
        .als(ImplicitAls.newBuilder().factors(4).iterations(5).seed(3).build()).build().fit(log(2), itemTexts());
    blend.save(dir.resolve("implicit-blend.model"));
    Files.writeString(dir.resolve("implicit-blend.expected"), implicitOutputs(blend), StandardCharsets.UTF_8);
    TabularModel trees = TabularRegressor.newBuilder().embedder(EMBEDDER).numericColumns(List.of("x"))
        .categoricalColumns(List.of("color")).treeLearner(new StumpLearner(60)).build().fit(steps(80, 1));
    trees.save(dir.resolve("tabular-trees.model"));
    Files.writeString(dir.resolve("tabular-trees.expected"), tabularOutputs(trees), StandardCharsets.UTF_8);
    HybridRoomRecommender rooms = LiveWorldAccess.train(EMBEDDER);
    rooms.save(dir.resolve("rooms.model"));
    Files.writeString(dir.resolve("rooms.expected"), roomOutputs(rooms), StandardCharsets.UTF_8);
  }

  static Path golden(String version, String name) {
    try {
      return Path.of(GoldenModelFilesTest.class.getResource("/golden/" + version + "/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String expected(String version, String name) throws IOException {
    try (InputStream in = GoldenModelFilesTest.class.getResourceAsStream("/golden/" + version + "/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void version5TreeFilesPredictWithCoreAlone() throws Exception {
    TabularModel trees = TabularModel.load(golden("v5", "tabular-trees.model"), EMBEDDER);
    assertTrue(trees.treesKept() && trees.treeRounds() > 0, trees.describe());
    assertEquals(expected("v5", "tabular-trees.expected"), tabularOutputs(trees));
  }

  @Test
  void version4RoomFilesKeepWhatInSessionUpdatesNeed() throws Exception {
    HybridRoomRecommender rooms = HybridRoomRecommender.load(golden("v4", "rooms.model"), EMBEDDER);
    assertEquals(expected("v4", "rooms.expected"), roomOutputs(rooms));
    assertEquals(LiveWorldAccess.liveSettings(LiveWorldAccess.train(EMBEDDER)), LiveWorldAccess.liveSettings(rooms));
    // Files from before version 4 fold viewers in with the trainer's defaults.
    assertEquals("Live[confidence=" + io.livecommerce.recommend.ConfidenceWeights.DEFAULT
        + ", alpha=5.0, regularization=0.1, sessionWeight=1.0]",
        LiveWorldAccess.liveSettings(HybridRoomRecommender.load(golden("v3", "rooms.model"), EMBEDDER)));
  }

  @Test
  void version3FilesLoadPredictAsTheyDidIncludingTheItemToItemFamily() throws IOException {
    TabularModel tabular = TabularModel.load(golden("v3", "tabular.model"), EMBEDDER);
    assertEquals(expected("v3", "tabular.expected"), tabularOutputs(tabular));
    ImplicitModel implicit = ImplicitModel.load(golden("v3", "implicit.model"), EMBEDDER);
    assertEquals(expected("v3", "implicit.expected"), implicitOutputs(implicit));
    ImplicitModel blend = ImplicitModel.load(golden("v3", "implicit-blend.model"), EMBEDDER);
    assertEquals(ModelFamily.BLEND, blend.family());
    assertEquals(expected("v3", "implicit-blend.expected"), implicitOutputs(blend));
    HybridRoomRecommender rooms = HybridRoomRecommender.load(golden("v3", "rooms.model"), EMBEDDER);
    assertEquals(expected("v3", "rooms.expected"), roomOutputs(rooms));
  }

  @Test
  void version2FilesLoadPredictAsTheyDidAndNameTheirEmbedder() throws IOException {
    TabularModel tabular = TabularModel.load(golden("v2", "tabular.model"), EMBEDDER);
    assertEquals(expected("v2", "tabular.expected"), tabularOutputs(tabular));
    ImplicitModel implicit = ImplicitModel.load(golden("v2", "implicit.model"), EMBEDDER);
    assertEquals(expected("v2", "implicit.expected"), implicitOutputs(implicit));
    HybridRoomRecommender rooms = HybridRoomRecommender.load(golden("v2", "rooms.model"), EMBEDDER);
    assertEquals(expected("v2", "rooms.expected"), roomOutputs(rooms));
    assertEquals(EMBEDDER.identity(), ModelFiles.loadWithProvenance(golden("v2", "rooms.model"),
        HybridRoomRecommender.CODEC).provenance().get(Provenance.EMBEDDER));
  }

  @Test
  void version1FilesLoadAndPredictAsTheyDid() throws IOException {
    TabularModel tabular = TabularModel.load(golden("v1", "tabular.model"), EMBEDDER);
    assertEquals(expected("v1", "tabular.expected"), tabularOutputs(tabular));
    ImplicitModel implicit = ImplicitModel.load(golden("v1", "implicit.model"), EMBEDDER);
    assertEquals(expected("v1", "implicit.expected"), implicitOutputs(implicit));
    HybridRoomRecommender rooms = HybridRoomRecommender.load(golden("v1", "rooms.model"), EMBEDDER);
    assertEquals(expected("v1", "rooms.expected"), roomOutputs(rooms));
    assertTrue(expected("v1", "rooms.expected").lines().count() >= 20);
  }
}
