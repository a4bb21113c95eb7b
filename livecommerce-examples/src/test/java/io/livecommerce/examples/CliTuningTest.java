package io.livecommerce.examples;

import static io.livecommerce.examples.CliTest.cli;
import static io.livecommerce.examples.CliTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.examples.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuning by default, explicit settings, and a tuner that never sees the part being evaluated. */
class CliTuningTest {

  /** 60 users in 3 taste groups over 30 items; the last fifth of the log (by time) is written by {@code tail}. */
  static String log(boolean tailFollowsTastes) {
    StringBuilder sb = new StringBuilder("user,item,weight,timestamp\n");
    Random rnd = new Random(1);
    for (int e = 0; e < 15; e++) {
      for (int u = 0; u < 60; u++) {
        int taste = u % 3;
        boolean tail = e >= 12;
        int item = !tail || tailFollowsTastes ? taste * 10 + rnd.nextInt(10) : rnd.nextInt(30);
        sb.append("u").append(u).append(",i").append(item).append(',').append(1 + rnd.nextInt(5)).append(',')
            .append(e * 1000L + u).append('\n');
      }
    }
    return sb.toString();
  }

  static String tuningLine(Result r) {
    return r.out().lines().filter(l -> l.startsWith("tuning chose")).findFirst().orElseThrow()
        .replaceAll("\\d+\\.\\d s\\)", "s)"); // the search's wall time differs between runs
  }

  @Test
  void evaluateTunesOnTheTrainingPartOnly(@TempDir Path dir) throws Exception {
    Path a = write(dir, "a.csv", log(true));
    Path b = write(dir, "b.csv", log(false)); // same training part, a test part with no signal in it
    Result ra = cli("evaluate-recommender", "--interactions", a.toString(), "--split", "time", "--k", "5");
    Result rb = cli("evaluate-recommender", "--interactions", b.toString(), "--split", "time", "--k", "5");
    assertEquals(0, ra.code(), ra.err());
    assertEquals(0, rb.code(), rb.err());
    assertEquals(tuningLine(ra), tuningLine(rb), "the tuner cannot see what differs: the test part");
    assertFalse(ra.out().equals(rb.out()), "the reports differ, as the test parts do");
  }

  @Test
  void recommendTunesByDefaultAndHonoursExplicitSettings(@TempDir Path dir) throws Exception {
    Path a = write(dir, "a.csv", log(true));
    Result tuned = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("t.csv").toString(),
        "--exclude-seen", "--k", "3");
    assertEquals(0, tuned.code(), tuned.err());
    assertTrue(tuningLine(tuned).contains("confidence=") && tuningLine(tuned).contains("validation NDCG@10"),
        tuned.out());
    Result fixed = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("f.csv").toString(),
        "--confidence", "binary", "--factors", "8");
    assertTrue(tuningLine(fixed).contains("confidence=binary") && tuningLine(fixed).contains("factors=8"),
        fixed.out());
    Result ease = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("e.csv").toString(),
        "--model-family", "ease");
    assertEquals(0, ease.code(), ease.err());
    assertTrue(tuningLine(ease).contains("family=ease") && !tuningLine(ease).contains("factors="), ease.out());
    Result lambda = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("l.csv").toString(),
        "--ease-lambda", "2");
    assertTrue(tuningLine(lambda).contains("family=ease") && tuningLine(lambda).contains("easeLambda=2xmeanDiag"),
        lambda.out());
    Result badFamily = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("x.csv").toString(),
        "--model-family", "svd");
    assertEquals(2, badFamily.code());
    assertTrue(badFamily.err().contains("--model-family 'svd'"), badFamily.err());
    Result badLambda = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("x.csv").toString(),
        "--ease-lambda", "-1");
    assertEquals(2, badLambda.code());
    assertTrue(badLambda.err().contains("--ease-lambda") && badLambda.err().contains("-1"), badLambda.err());
    Result none = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("n.csv").toString(),
        "--no-tune");
    assertEquals(0, none.code(), none.err());
    assertFalse(none.out().contains("tuning chose"));
    assertEquals(2, cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("x.csv").toString(),
        "--confidence", "squared").code());
    assertEquals(2, cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("x.csv").toString(),
        "--tune-budget", "0").code());
  }

  @Test
  void aRunTheBudgetStoppedIsRepeatedExactlyByItsTrialCount(@TempDir Path dir) throws Exception {
    Path a = write(dir, "a.csv", log(true));
    Path budgetOut = dir.resolve("budget.csv");
    // A millisecond is spent before the first trial ends, so the clock stops the search at its first check.
    Result budget = cli("recommend", "--interactions", a.toString(), "--out", budgetOut.toString(), "--k", "3",
        "--tune-budget", "0.001");
    assertEquals(0, budget.code(), budget.err());
    String hint = budget.out().lines().filter(l -> l.startsWith("the time budget stopped the search after "))
        .findFirst().orElseThrow(() -> new AssertionError(budget.out()));
    String n = hint.replaceAll("^the time budget stopped the search after (\\d+) trials?;.*$", "$1");
    assertTrue(hint.contains("--tune-trials " + n + " instead of --tune-budget"), hint);
    assertTrue(budget.out().contains("untried, the search stopped after " + n + " trial"), budget.out());
    Path trialsOut = dir.resolve("trials.csv");
    Result trials = cli("recommend", "--interactions", a.toString(), "--out", trialsOut.toString(), "--k", "3",
        "--tune-trials", n);
    assertEquals(0, trials.code(), trials.err());
    assertEquals(tuningLine(budget), tuningLine(trials));
    assertEquals(Files.readString(budgetOut), Files.readString(trialsOut), "the same recommendations");
    assertFalse(trials.out().contains("the time budget stopped"), trials.out());
    // A limit the search does not reach changes nothing and is not reported as a stop.
    Result wide = cli("recommend", "--interactions", a.toString(), "--out", dir.resolve("w.csv").toString(),
        "--k", "3", "--tune-trials", "100000");
    assertEquals(0, wide.code(), wide.err());
    assertFalse(wide.out().contains("untried"), wide.out());
  }

  @Test
  void theTrialLimitConflictsWithTheBudgetAndWithNoTuning(@TempDir Path dir) throws Exception {
    Path a = write(dir, "a.csv", log(true));
    String out = dir.resolve("x.csv").toString();
    Result both = cli("recommend", "--interactions", a.toString(), "--out", out, "--tune-trials", "5",
        "--tune-budget", "20");
    assertEquals(2, both.code(), both.err());
    assertTrue(both.err().contains("--tune-budget 20") && both.err().contains("--tune-trials 5"), both.err());
    Result untuned = cli("recommend", "--interactions", a.toString(), "--out", out, "--no-tune", "--tune-trials",
        "5");
    assertEquals(2, untuned.code(), untuned.err());
    assertTrue(untuned.err().contains("--tune-trials and --no-tune conflict"), untuned.err());
    Result zero = cli("recommend", "--interactions", a.toString(), "--out", out, "--tune-trials", "0");
    assertEquals(2, zero.code(), zero.err());
    assertTrue(zero.err().contains("--tune-trials must be in [1, 100000] but was 0"), zero.err());
    assertFalse(Files.exists(dir.resolve("x.csv")), "no output from a refused run");
  }
}
