package io.livecommerce.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.recommend.AlsSettings;
import io.livecommerce.recommend.ImplicitAls;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TuningOptionsTest {

  static TuningOptions parse(String... args) {
    RecommendCommand command = new RecommendCommand();
    new CommandLine(command).parseArgs(args);
    return command.tuning;
  }

  @Test
  void untunedDefaultsAreTheTrainersAndTheSparkJobs() {
    TuningOptions none = parse("--interactions", "x.csv", "--k", "5", "--out", "o.csv", "--no-tune");
    assertEquals(ImplicitAls.newBuilder().build().settings(), none.alsSettings(AlsSettings.DEFAULTS.seed()));
    TuningOptions some = parse("--interactions", "x.csv", "--k", "5", "--out", "o.csv", "--no-tune", "--alpha", "2",
        "--iterations", "4");
    assertEquals(AlsSettings.parse("alpha=2,iterations=4,seed=7"), some.alsSettings(7));
  }

  @Test
  void aFixedFamilyAndFlagsOfAnotherAreRefused() {
    TuningOptions o = parse("--interactions", "x.csv", "--k", "5", "--out", "o.csv", "--model-family", "ease",
        "--factors", "8");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> o.fit(List.of(), Map.of(), null, 1, new PrintWriter(Writer.nullWriter())));
    assertTrue(e.getMessage().startsWith("--model-family ease and the ALS settings"),
        e.getMessage());
  }

  @Test
  void easeLambdaHelpNamesWhatTheCodeScales() {
    // The help said "a multiple of an item's mean interaction count"; the code scales the mean diagonal of X'X,
    // which is that count only under binary confidence.
    String help = new CommandLine(new RecommendCommand()).getUsageMessage();
    assertTrue(help.replaceAll("\\s+", " ").contains("a multiple of the mean diagonal of X'X"), help);
  }

  @Test
  void theBudgetHelpStatesTheTunersDefault() {
    // The CLI leaves the budget to the tuner when --tune-budget is not given; its help must say the same number.
    String help = new CommandLine(new RecommendCommand()).getUsageMessage().replaceAll("\\s+", " ");
    assertTrue(help.contains("fit in what is left (default: " + io.livecommerce.recommend.ImplicitTuner.DEFAULT_BUDGET
        .toSeconds() + ")"), help);
  }
}
