package io.livecommerce.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livecommerce.recommend.AlsSettings;
import io.livecommerce.recommend.ImplicitAls;
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
}
