package io.livecommerce.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.LlmException;
import io.livecommerce.llm.LlmTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model in a child JVM: it answers as in-process, and when the child dies the caller lives and the next call works. */
class ChildProcessChatModelTest {

  static final Path TINY = TestModels.tiny();

  static ChatRequest ask(long seed) {
    return ChatRequest.newBuilder().user("家人们今天推荐").maxTokens(24).seed(seed).build();
  }

  @Test
  void answersSurvivesAKilledChildAndStopsAnOverrunningOne() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(TINY), "the shared test model is not at " + TINY.toAbsolutePath());
    try (ChildProcessChatModel model = ChildProcessChatModel.newBuilder().gguf(TINY).threads(1).contextSize(512)
        .jvmArgs(List.of("-Xmx512m")).build()) {
      String first = model.chat(ask(7)).content();
      assertFalse(first.isEmpty());
      assertEquals(first, model.chat(ask(7)).content(), "the same seed gives the same answer");
      List<String> deltas = new ArrayList<>();
      assertEquals(first, model.stream(ask(7), deltas::add).content());
      assertEquals(first, String.join("", deltas));

      // What a llama.cpp abort looks like from here: the child dies in the middle of an answer.
      LlmException died = assertThrows(LlmException.class, () -> model.stream(
          ChatRequest.newBuilder().user("家人们今天推荐").maxTokens(200).seed(7L).build(),
          delta -> model.process().destroyForcibly()));
      assertTrue(died.getMessage().contains("exit code") && died.getMessage().contains("new process"),
          died.getMessage());
      assertEquals(first, model.chat(ask(7)).content(), "the next call starts a new child");
      // A child found dead between calls is replaced before the request is sent.
      model.process().destroyForcibly().waitFor();
      assertEquals(first, model.chat(ask(7)).content());

      // A deadline that has passed: the caller gets a timeout, never a hang.
      assertThrows(LlmTimeoutException.class,
          () -> model.chat(ChatRequest.newBuilder().user("x").timeout(Duration.ofNanos(1)).build()));
      assertEquals(first, model.chat(ask(7)).content());
    }
  }

  @Test
  void aFileThatIsNotAModelIsRefusedBeforeAnyChildStarts(@TempDir Path dir) throws Exception {
    Path bad = Files.write(dir.resolve("m.gguf"), new GgufWriter().header(3, 0, 1).string("").u32(4).u32(7).bytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChildProcessChatModel.newBuilder().gguf(bad).build());
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }
}
