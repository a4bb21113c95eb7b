package io.livecommerce.examples;

import static io.livecommerce.examples.CliTest.cli;
import static io.livecommerce.examples.CliTest.interactions;
import static io.livecommerce.examples.CliTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.examples.CliTest.Result;
import io.livecommerce.examples.cli.Cli;
import io.livecommerce.examples.csv.CsvTable;
import io.livecommerce.llm.ProviderException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Nothing the user has is lost, and every bad input is named: the CLI as a careful user and an adversary use it. */
class CliSafetyTest {

  static final Charset GB18030 = Charset.forName("GB18030");

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputSurvives(@TempDir Path dir) throws Exception {
    Path log = interactions(dir);
    byte[] before = Files.readAllBytes(log);
    Result r = cli("recommend", "--interactions", log.toString(), "--out", log.toString(), "--model", "hashing");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--out") && r.err().contains("--interactions") && r.err().contains("same file"),
        r.err());
    assertArrayEquals(before, Files.readAllBytes(log));
    // The same file through another spelling of its path.
    Path other = dir.resolve("sub/../" + log.getFileName());
    Files.createDirectories(dir.resolve("sub"));
    assertEquals(2, cli("recommend", "--interactions", log.toString(), "--out", other.toString()).code());
    Path link = dir.resolve("link.csv");
    Files.createSymbolicLink(link, log);
    assertEquals(2, cli("recommend", "--interactions", log.toString(), "--out", link.toString()).code());
    assertArrayEquals(before, Files.readAllBytes(log));

    Path train = write(dir, "t.csv", "id,x,y\na,1,2\nb,2,4\nc,3,6\n");
    byte[] trainBefore = Files.readAllBytes(train);
    r = cli("regress", "--train", train.toString(), "--predict", train.toString(), "--id-column", "id",
        "--target-column", "y", "--numeric-columns", "x", "--out", train.toString());
    assertEquals(2, r.code(), r.err());
    assertArrayEquals(trainBefore, Files.readAllBytes(train));
    assertEquals(2, cli("embed", "--in", train.toString(), "--text-column", "id", "--out", train.toString(),
        "--model", "hashing").code());
    assertArrayEquals(trainBefore, Files.readAllBytes(train));
  }

  @Test
  void anOutputThatIsADevicePipeOrDanglingLinkIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
    Path log = interactions(dir);
    Path fifo = dir.resolve("pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    Path toPipe = Files.createSymbolicLink(dir.resolve("to-pipe.csv"), fifo);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("no/such.csv"));
    for (Path out : java.util.List.of(fifo, toPipe, dangling)) {
      Result r = cli("recommend", "--interactions", log.toString(), "--out", out.toString(), "--model", "hashing",
          "--no-tune");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("--out") && (r.err().contains("not a regular file")
          || r.err().contains("does not exist")), r.err());
    }
    assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
    assertTrue(Files.isSymbolicLink(toPipe) && Files.isSymbolicLink(dangling));
  }

  @Test
  void generateWorldRefusesAFolderWithFilesUnlessForced(@TempDir Path dir) throws Exception {
    Path keep = write(dir, "notes.txt", "mine");
    Result r = cli("generate-world", "--out", dir.toString(), "--size", "tiny");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not empty") && r.err().contains("--force"), r.err());
    assertFalse(Files.exists(dir.resolve("anchors.csv")));
    assertEquals(0, cli("generate-world", "--out", dir.toString(), "--size", "tiny", "--force").code());
    assertTrue(Files.exists(dir.resolve("anchors.csv")));
    assertEquals("mine", Files.readString(keep), "files that are not the world's stay");
  }

  @Test
  void embeddingItsOwnOutputNeedsOverwriteColumnAndKeepsOneColumn(@TempDir Path dir) throws Exception {
    Path in = write(dir, "items.csv", "id,title\n1,补水面霜\n2,蓝牙耳机\n");
    Path once = dir.resolve("once.csv");
    assertEquals(0, cli("embed", "--in", in.toString(), "--text-column", "title", "--out", once.toString(),
        "--model", "hashing").code());
    Path twice = dir.resolve("twice.csv");
    Result r = cli("embed", "--in", once.toString(), "--text-column", "title", "--out", twice.toString(),
        "--model", "hashing");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--overwrite-column"), r.err());
    assertFalse(Files.exists(twice));
    assertEquals(0, cli("embed", "--in", once.toString(), "--text-column", "title", "--out", twice.toString(),
        "--model", "hashing", "--overwrite-column").code());
    CsvTable t = CsvTable.read(twice);
    assertEquals(java.util.List.of("id", "title", "embedding"), t.header());
    assertEquals(Files.readString(once), Files.readString(twice), "same vectors, same place");
  }

  @Test
  void extremeNumbersAreNamedByFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path heavy = write(dir, "heavy.csv", "user,item,weight\nu1,i1,1\nu2,i2,1e20\n");
    Result r = cli("recommend", "--interactions", heavy.toString(), "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("heavy.csv:3: column 'weight': '1e20' is out of range"), r.err());

    Path huge = write(dir, "huge.csv", "user,item,timestamp\nu1,i1,99999999999999999999\n");
    r = cli("recommend", "--interactions", huge.toString(), "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("huge.csv:2: column 'timestamp'") && r.err().contains("does not fit"), r.err());

    Path prices = write(dir, "prices.csv", "id,price,sales\na,1,2\nb,1e200,4\nc,3,6\n");
    r = cli("regress", "--train", prices.toString(), "--predict", prices.toString(), "--id-column", "id",
        "--target-column", "sales", "--numeric-columns", "price", "--out", dir.resolve("p.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("prices.csv:3: column 'price': '1e200' is out of range"), r.err());

    // The largest documented weight trains without numerical trouble.
    Path big = write(dir, "big.csv", "user,item,weight\nu1,i1,1e6\nu1,i2,1\nu2,i1,1\nu2,i3,1e6\nu3,i2,5\n");
    r = cli("recommend", "--interactions", big.toString(), "--out", dir.resolve("b.csv").toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void anUnclosedQuoteIsNamedWhereItOpens(@TempDir Path dir) throws Exception {
    Path f = write(dir, "quote.csv", "user,item\nu1,i1\nu2,\"i2\nu3,i3\nu4,i4\n");
    Result r = cli("recommend", "--interactions", f.toString(), "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("quote.csv:3: column 4: a quoted field opens here and is never closed"), r.err());
    assertFalse(r.err().contains("jackson") || r.err().contains("Source:"), r.err());
  }

  @Test
  void gb18030FilesReadWithEncodingAndUtf8ErrorsSuggestIt(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("catalog.csv");
    Files.write(catalog, "sku,text\nA1,补水保湿面霜\nB2,无线蓝牙耳机 降噪\n".getBytes(GB18030));
    Result r = cli("search", "--catalog", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "耳机", "--k", "1", "--model", "hashing");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("catalog.csv:2") && r.err().contains("not valid UTF-8")
        && r.err().contains("--encoding GB18030"), r.err());
    r = cli("search", "--catalog", catalog.toString(), "--id-column", "sku", "--text-column", "text",
        "--query", "耳机", "--k", "1", "--model", "hashing", "--encoding", "GB18030");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("B2,"), r.out());

    Path text = dir.resolve("script.txt");
    Files.write(text, "今天全网最低价".getBytes(GB18030));
    r = cli("check-compliance", "--in", text.toString(), "--encoding", "GB18030");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("\"start\":2") && r.out().contains("全网最低"), r.out());
    assertEquals(2, cli("check-compliance", "--in", text.toString(), "--encoding", "NOPE-8").code());
  }

  @Test
  void aByteOrderMarkIsSkippedAndOffsetsCountWithoutIt(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("bom.txt");
    Files.writeString(text, "\uFEFF全网最低价", StandardCharsets.UTF_8);
    Result r = cli("check-compliance", "--in", text.toString());
    assertTrue(r.out().contains("\"start\":0"), r.out());
    Path log = write(dir, "bom.csv", "\uFEFFuser,item\nu1,i1\nu2,i1\nu2,i2\n");
    assertEquals(0, cli("recommend", "--interactions", log.toString(), "--out", dir.resolve("o.csv").toString())
        .code());
  }

  @Test
  void utf16AndUtf32FilesWithAByteOrderMarkReadAsTheMarkSays(@TempDir Path dir) throws Exception {
    String csv = "\uFEFFuser,item\n用户1,口红\nu2,口红\nu2,耳机\n";
    Path expected = dir.resolve("expected.csv");
    Path plain = write(dir, "plain.csv", csv);
    assertEquals(0, cli("recommend", "--interactions", plain.toString(), "--out", expected.toString(),
        "--no-tune").code());
    for (Charset cs : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"))) {
      Path file = dir.resolve(cs.name() + ".csv");
      Files.write(file, csv.getBytes(cs));
      Path out = dir.resolve(cs.name() + ".out.csv");
      Result r = cli("recommend", "--interactions", file.toString(), "--out", out.toString(), "--no-tune");
      assertEquals(0, r.code(), cs + ": " + r.err());
      assertEquals(Files.readString(expected), Files.readString(out), cs.name());
    }
  }

  @Test
  void regressNamesAFileWithTooFewRowsAndSaysWhyR2IsUndefined(@TempDir Path dir) throws Exception {
    Path two = write(dir, "two.csv", "id,x,y\na,1,2\nb,2,4\n");
    Result r = cli("regress", "--train", two.toString(), "--predict", two.toString(), "--id-column", "id",
        "--target-column", "y", "--numeric-columns", "x", "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(two.toString()) && r.err().contains("at least 3"), r.err());
    Path flat = write(dir, "flat.csv", "id,x,y\na,1,5\nb,2,5\nc,3,5\nd,4,5\n");
    r = cli("regress", "--train", flat.toString(), "--predict", flat.toString(), "--id-column", "id",
        "--target-column", "y", "--numeric-columns", "x", "--out", dir.resolve("o.csv").toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("NaN"), r.out());
    assertTrue(r.out().contains("R² undefined: 'y' is 5 in every row"), r.out());
  }

  @Test
  void negativeWeightsAreDislikesAndALogOfOnlyDislikesIsRefused(@TempDir Path dir) throws Exception {
    StringBuilder mixed = new StringBuilder("user,item,weight\n");
    java.util.Random rnd = new java.util.Random(3);
    for (int u = 0; u < 40; u++) {
      for (int e = 0; e < 6; e++) {
        mixed.append("u").append(u).append(",i").append((u % 4) * 5 + 1 + rnd.nextInt(4)).append(",")
            .append(1 + rnd.nextInt(3)).append("\n");
      }
      mixed.append("u").append(u).append(",i").append((u % 4) * 5).append(",-5\n");
    }
    Path log = write(dir, "mixed.csv", mixed.toString());
    Path out = dir.resolve("recs.csv");
    Result r = cli("recommend", "--interactions", log.toString(), "--k", "19", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (CsvTable.Row row : CsvTable.read(out).rows()) {
      int u = Integer.parseInt(row.get("user").substring(1));
      assertFalse(row.get("item").equals("i" + (u % 4) * 5), "a disliked item came back: " + row.get("user"));
    }
    Path dislikes = write(dir, "dislikes.csv", "user,item,weight\nu1,i1,-1\nu1,i2,-2\nu1,i3,-1\nu2,i1,-3\n");
    r = cli("recommend", "--interactions", dislikes.toString(), "--out", dir.resolve("o.csv").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no positive weight") && r.err().contains("dislike"), r.err());
    assertFalse(Files.exists(dir.resolve("o.csv")));
  }

  @Test
  void aHugeKIsBoundedByTheCatalogue(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("recs.csv");
    Result r = cli("recommend", "--interactions", interactions(dir).toString(), "--k", "2147483647", "--out",
        out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(60 * 30, CsvTable.read(out).rows().size(), "every item for every user, no more");
  }

  @Test
  void aScriptWithoutAPriceStatesNone() {
    Result r = cli("script", "--product-title", "保温杯");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("0.00") || r.out().contains("价格是") || r.out().contains("直播间价"), r.out());
    assertEquals(2, cli("script", "--product-title", "x", "--price", "-1").code());
    assertEquals(2, cli("script", "--product-title", "x", "--price", "1e200").code());
  }

  @Test
  void rewriteModePrintsOnlyTheCompliantText() {
    Result dirty = cli("check-compliance", "--rewrite", "--text", "这款枕头能根治失眠，睡得特别香，全网最低价");
    assertEquals(1, dirty.code());
    assertEquals("睡得特别香，直播间优惠价", dirty.out().strip());
    Result clean = cli("check-compliance", "--rewrite", "--text", "最近天气干，记得补水");
    assertEquals(0, clean.code());
    assertEquals("最近天气干，记得补水", clean.out().strip());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    final Throwable toThrow;

    Boom(Throwable toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() throws Exception {
      if (toThrow instanceof Error e) {
        throw e;
      }
      throw (Exception) toThrow;
    }
  }

  static Result run(Throwable t, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cl = Cli.commandLine(new PrintWriter(out, true), errWriter);
    cl.addSubcommand("boom", new Boom(t));
    int code = Cli.run(cl, args, errWriter);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void failuresMapToDocumentedExitCodes() {
    Result oom = run(new OutOfMemoryError("Java heap space"), "boom");
    assertEquals(4, oom.code());
    assertTrue(oom.err().contains("out of memory") && oom.err().contains("-Xmx"), oom.err());
    assertFalse(oom.err().contains("--k"), "boom has no --k: " + oom.err());
    StringWriter err = new StringWriter();
    io.livecommerce.examples.cli.ExitCodes.report(new OutOfMemoryError("Java heap space"), false,
        new PrintWriter(err, true), true);
    assertTrue(err.toString().contains("a smaller --k"), err.toString());
    assertFalse(oom.err().contains("\tat "), "no stack trace without --verbose");
    assertEquals(3, run(new ProviderException("upstream 502", 502, "", "", null), "boom").code());
    Result malformed = run(new io.livecommerce.script.ScriptGenerationException(
        "the model returned a malformed script twice: not JSON"), "boom");
    assertEquals(3, malformed.code(), malformed.err());
    assertTrue(malformed.err().contains("usable script"), malformed.err());
    Result internal = run(new IllegalStateException("bug"), "boom");
    assertEquals(4, internal.code());
    assertTrue(internal.err().contains("--verbose"), internal.err());
    assertTrue(run(new IllegalStateException("bug"), "--verbose", "boom").err().contains("\tat "));
    assertEquals(2, run(new IllegalArgumentException("bad"), "boom").code());
    assertEquals(2, cli("recommend", "--no-such-flag").code());
    assertTrue(cli("--help").out().contains("Exit codes: 0 ok; 1 findings"));
  }
}
