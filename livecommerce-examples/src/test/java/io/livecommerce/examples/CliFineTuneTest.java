package io.livecommerce.examples;

import static io.livecommerce.examples.CliTest.cli;
import static io.livecommerce.examples.CliTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.examples.CliTest.Result;
import io.livecommerce.examples.world.World;
import io.livecommerce.examples.world.WorldGenerator;
import io.livecommerce.examples.world.WorldSize;
import io.livecommerce.llm.finetune.PastScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-finetune} end to end, and the simulator's past scripts it reads. */
class CliFineTuneTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exportsAGeneratedWorldsScriptsAsValidChatJsonl(@TempDir Path dir) throws Exception {
    Path world = dir.resolve("world");
    assertEquals(0, cli("generate-world", "--out", world.toString(), "--size", "tiny", "--seed", "3").code());
    Path out = dir.resolve("ft");
    Result r = cli("export-finetune", "--scripts", world.resolve("scripts.csv").toString(), "--out", out.toString(),
        "--top-fraction", "0.3", "--seed", "9");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("train +"), r.out());
    JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")));
    List<String> train = Files.readAllLines(out.resolve("train.jsonl"));
    List<String> validation = Files.readAllLines(out.resolve("validation.jsonl"));
    assertEquals(summary.get("train").asInt(), train.size());
    assertEquals(summary.get("validation").asInt(), validation.size());
    assertTrue(validation.size() >= 1, summary.toString());
    ComplianceChecker checker = ComplianceChecker.bundled();
    for (String line : train) {
      JsonNode m = JSON.readTree(line).get("messages");
      assertEquals("assistant", m.get(2).get("role").asText());
      assertTrue(checker.check(m.get(2).get("content").asText()).isClean(), line);
    }
    // The same seed writes the same files; another seed splits differently.
    Path again = dir.resolve("again");
    cli("export-finetune", "--scripts", world.resolve("scripts.csv").toString(), "--out", again.toString(),
        "--top-fraction", "0.3", "--seed", "9");
    assertEquals(Files.readString(out.resolve("train.jsonl")), Files.readString(again.resolve("train.jsonl")));
    Path other = dir.resolve("other");
    cli("export-finetune", "--scripts", world.resolve("scripts.csv").toString(), "--out", other.toString(),
        "--top-fraction", "0.3", "--seed", "10");
    assertNotEquals(Files.readString(out.resolve("validation.jsonl")),
        Files.readString(other.resolve("validation.jsonl")));
  }

  @Test
  void personalDataFromTheCsvNeverReachesTheFiles(@TempDir Path dir) throws Exception {
    Path csv = write(dir, "s.csv", "id,anchor_id,category,product_text,script,minutes_on_air,viewers,orders,gmv_cents\n"
        + "s1,a1,美妆,口红,\"这支口红显白持久，想要的加微信 lipstick_vip 或打13812345678\",10,100,5,50000\n"
        + "s2,a1,美妆,粉底,\"粉底液服帖不暗沉，混油皮也能用\",10,100,1,1000\n");
    Path out = dir.resolve("ft");
    Result r = cli("export-finetune", "--scripts", csv.toString(), "--out", out.toString(), "--top-fraction", "1");
    assertEquals(0, r.code(), r.err());
    String all = Files.readString(out.resolve("train.jsonl")) + Files.readString(out.resolve("validation.jsonl"));
    assertFalse(all.contains("13812345678"), all);
    assertFalse(all.contains("lipstick_vip"), all);
    assertTrue(all.contains("[PHONE_1]"), all);
  }

  @Test
  void badInputIsExitTwoNamingWhatIsWrongAndWritesNothing(@TempDir Path dir) throws Exception {
    Path missing = write(dir, "missing.csv", "id,category,script\ns1,美妆,话术\n");
    Result r = cli("export-finetune", "--scripts", missing.toString(), "--out", dir.resolve("a").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("product_text"), r.err());
    assertFalse(Files.exists(dir.resolve("a")));

    Path badNumber = write(dir, "bad.csv", "id,anchor_id,category,product_text,script,minutes_on_air,viewers,orders,"
        + "gmv_cents\ns1,a,美妆,口红,话术,0,1,1,1\n");
    r = cli("export-finetune", "--scripts", badNumber.toString(), "--out", dir.resolve("b").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.csv:2") && r.err().contains("minutes_on_air") && r.err().contains("'0'"),
        r.err());

    r = cli("export-finetune", "--scripts", badNumber.toString(), "--out", dir.resolve("c").toString(),
        "--top-fraction", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("topFraction must be in (0, 1] but was 0.0"), r.err());
  }

  @Test
  void neverReplacesItsInputAndAsksBeforeWritingIntoAFullFolder(@TempDir Path dir) throws Exception {
    String csv = "id,anchor_id,category,product_text,script,minutes_on_air,viewers,orders,gmv_cents\n"
        + "s1,a1,美妆,口红,\"这支口红显白持久\",10,100,5,50000\n";
    Path input = write(dir, "train.jsonl", csv);
    Result r = cli("export-finetune", "--scripts", input.toString(), "--out", dir.toString(), "--force");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("refusing to overwrite an input"), r.err());
    assertEquals(csv, Files.readString(input));

    Path full = dir.resolve("full");
    Files.createDirectories(full);
    write(full, "notes.txt", "mine");
    r = cli("export-finetune", "--scripts", input.toString(), "--out", full.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals(0, cli("export-finetune", "--scripts", input.toString(), "--out", full.toString(), "--force")
        .code());
    assertEquals("mine", Files.readString(full.resolve("notes.txt")));
  }

  @Test
  void theSimulatorsScriptsCarryThePlantedOutcomes() {
    World w = WorldGenerator.generate(WorldSize.SMALL, 42);
    List<PastScript> s = w.scripts();
    assertEquals(w.rooms().size() - w.anchors().size(), s.size(), "one script per ended session");
    // Asking the audience to interact was planted to sell more per minute: compare median GMV per minute.
    double with = median(s.stream().filter(p -> p.script().contains("扣1") || p.script().contains("评论区")
        || p.script().contains("点个赞")).mapToDouble(PastScript::gmvPerMinute).toArray());
    double without = median(s.stream().filter(p -> !(p.script().contains("扣1") || p.script().contains("评论区")
        || p.script().contains("点个赞"))).mapToDouble(PastScript::gmvPerMinute).toArray());
    assertTrue(with > without, with + " vs " + without);
    ComplianceChecker checker = ComplianceChecker.bundled();
    long dirty = s.stream().filter(p -> !checker.check(p.script()).isClean()).count();
    assertTrue(dirty > 0 && dirty < s.size() / 5, "some but not most scripts break a rule: " + dirty);
  }

  private static double median(double[] v) {
    java.util.Arrays.sort(v);
    return v[v.length / 2];
  }
}
