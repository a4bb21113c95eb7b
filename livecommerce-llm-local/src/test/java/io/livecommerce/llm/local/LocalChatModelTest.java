package io.livecommerce.llm.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.LlmEnvironment;
import io.livecommerce.llm.LlmException;
import io.livecommerce.llm.LlmTimeoutException;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.LiveScript;
import io.livecommerce.script.ScriptRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local backend's mechanics on the tiny shared test model (a 1M-parameter character-level llama trained on
 * synthetic sales talk, ChatML template): loading, template, seeds, streaming, stop strings, grammar, cancellation,
 * deadlines, the queue bound, close, and bad files. Never its content. One thread, as the machine has two cores.
 */
class LocalChatModelTest {

  static final Path TINY = TestModels.tiny();

  static LocalChatModel model;

  @BeforeAll
  static void load() {
    Assumptions.assumeTrue(Files.isRegularFile(TINY), "the shared test model is not at " + TINY.toAbsolutePath());
    model = LocalChatModel.newBuilder().gguf(TINY).threads(1).contextSize(2048).build();
  }

  @AfterAll
  static void close() {
    if (model != null) {
      model.close();
    }
  }

  static ChatRequest.Builder ask(String text) {
    return ChatRequest.newBuilder().system("你是直播带货主播").user(text).maxTokens(80).temperature(0.8);
  }

  @Test
  void theChatTemplateOfTheFileFormatsTheMessages() {
    String prompt = model.prompt(ask("写一段开场白").build().messages());
    assertTrue(prompt.startsWith("<|im_start|>system\n你是直播带货主播<|im_end|>"), prompt);
    assertTrue(prompt.contains("<|im_start|>user\n写一段开场白<|im_end|>"), prompt);
    assertTrue(prompt.endsWith("<|im_start|>assistant\n"), prompt);
    String userOnly = model.prompt(ChatRequest.of("写一段开场白").messages());
    assertTrue(userOnly.contains("<|im_start|>user\n写一段开场白<|im_end|>"), userOnly);
    assertFalse(model.chat(ChatRequest.newBuilder().user("写").maxTokens(5).build()).content().isEmpty());
  }

  @Test
  void theSameSeedGivesTheSameAnswerAndStreamingJoinsToIt() {
    ChatResponse a = model.chat(ask("写一段开场白").seed(7).build());
    ChatResponse b = model.chat(ask("写一段开场白").seed(7).build());
    assertFalse(a.content().isEmpty());
    assertEquals(a.content(), b.content());
    StringBuilder pieces = new StringBuilder();
    List<String> seen = new java.util.ArrayList<>();
    ChatResponse streamed = model.stream(ask("写一段开场白").seed(7).build(), d -> {
      pieces.append(d);
      seen.add(d);
    });
    assertEquals(a.content(), streamed.content());
    assertEquals(a.content(), pieces.toString());
    assertTrue(seen.size() > 1, "arrives in pieces");
    assertNotEquals(a.content(), model.chat(ask("写一段开场白").seed(8).build()).content(), "another seed");
    assertTrue(a.usage().promptTokens() > 0 && a.usage().completionTokens() > 0, a.usage().toString());
    assertEquals("tiny-livesales-v3.gguf", a.model());
  }

  @Test
  void aStopStringEndsTheAnswerBeforeIt() {
    String full = model.chat(ask("写一段开场白").seed(7).build()).content();
    int comma = full.indexOf('，');
    Assumptions.assumeTrue(comma > 0, "seed 7 writes a comma");
    String stopped = model.chat(ask("写一段开场白").seed(7).stop(List.of("，")).build()).content();
    assertEquals(full.substring(0, comma), stopped);
  }

  @Test
  void theScriptSchemaGrammarAlwaysParsesIntoSegments() {
    LlmScriptGenerator generator = LlmScriptGenerator.newBuilder().client(model).jsonSchema(true).seed(1).build();
    Product p = new Product("p1", "玻尿酸补水面霜", "秋冬干皮救星", "护肤", "水润坊", 8900, Map.of("规格", "50g"));
    Anchor anchor = new Anchor("a1", "小美", "热情的邻家姐姐", List.of("护肤"), 120_000);
    for (long seed = 1; seed <= 3; seed++) {
      LlmScriptGenerator g = LlmScriptGenerator.newBuilder().client(model).jsonSchema(true).seed(seed).build();
      LiveScript s = g.generate(ScriptRequest.newBuilder().product(p).anchor(anchor).build());
      assertFalse(s.segments().isEmpty(), "seed " + seed);
      assertTrue(s.segments().stream().allMatch(x -> !x.text().isBlank() && x.seconds() > 0), "seed " + seed);
    }
    assertTrue(generator.toString().contains("LocalChatModel"));
  }

  @Test
  void interruptingTheCallerCancelsTheGenerationAndTheModelStaysUsable() {
    AtomicReference<Integer> pieces = new AtomicReference<>(0);
    assertThrows(CancellationException.class, () -> model.stream(ask("写一段开场白").seed(3).build(), d -> {
      pieces.set(pieces.get() + 1);
      Thread.currentThread().interrupt();
    }));
    assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
    assertEquals(1, pieces.get());
    assertFalse(model.chat(ask("写一段开场白").seed(3).build()).content().isEmpty());
  }

  @Test
  void aListenersOwnExceptionEndsTheGenerationAndReachesTheCallerUnchanged() {
    IllegalStateException mine = new IllegalStateException("enough");
    assertEquals(mine, assertThrows(IllegalStateException.class,
        () -> model.stream(ask("写一段开场白").seed(3).build(), d -> {
          throw mine;
        })));
    assertFalse(model.chat(ask("写一段开场白").seed(3).build()).content().isEmpty());
  }

  @Test
  void aRequestTimeoutBoundsTheGeneration() {
    LlmTimeoutException e = assertThrows(LlmTimeoutException.class,
        () -> model.chat(ask("写一段开场白").timeout(Duration.ofNanos(1)).build()));
    assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    // One request's deadline is that request's: the model serves the next one (CI once saw it refuse).
    // Deadlines from 1 µs to 2 ms end some requests while their template renders, some while they generate.
    for (long micros = 1; micros <= 2048; micros *= 2) {
      Duration d = Duration.ofNanos(micros * 1000);
      try {
        model.chat(ask("写").maxTokens(40).timeout(d).build());
      } catch (LlmTimeoutException expected) {
        // this request's own timeout
      }
    }
    assertFalse(model.chat(ask("写一段开场白").seed(3).build()).content().isEmpty());
  }

  @Test
  void callersBeyondTheQueueBoundFailAtOnce() throws Exception {
    try (LocalChatModel busy = LocalChatModel.newBuilder().gguf(TINY).threads(1).contextSize(512).maxQueued(0)
        .build()) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread first = new Thread(() -> busy.stream(ask("写").seed(1).build(), d -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      first.start();
      started.await();
      LlmException e = assertThrows(LlmException.class, () -> busy.chat(ask("写").build()));
      assertTrue(e.getMessage().contains("busy"), e.getMessage());
      release.countDown();
      first.join();
    }
  }

  @Test
  void aClosedModelRefusesWorkAndClosingTwiceIsFine() {
    LocalChatModel m = LocalChatModel.newBuilder().gguf(TINY).threads(1).contextSize(512).build();
    m.close();
    m.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.chat(ask("写").build()));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertTrue(m.toString().contains("closed"));
  }

  @Test
  void theModelsOwnTimeoutBoundsACallWhoseRequestSetsNone() {
    // A deadline that has passed before the call starts: whichever step notices (the template render or the first
    // token), the caller gets a timeout, never a hang.
    LocalChatModel quick = LocalChatModel.newBuilder().gguf(TINY).threads(1).timeout(Duration.ofNanos(1)).build();
    try {
      assertThrows(LlmTimeoutException.class, () -> quick.chat(ChatRequest.of("家人们好")));
    } finally {
      quick.close();
    }
    assertEquals(Duration.ofMillis(2500), LlmEnvironment.timeout(
        Map.of("LIVECOMMERCE_LLM_TIMEOUT_SECONDS", "2.5")::get).orElseThrow());
    assertTrue(LlmEnvironment.timeout(Map.<String, String>of()::get).isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LlmEnvironment
        .timeout(Map.of("LIVECOMMERCE_LLM_TIMEOUT_SECONDS", "soon")::get));
    assertTrue(e.getMessage().contains("LIVECOMMERCE_LLM_TIMEOUT_SECONDS") && e.getMessage().contains("soon"));
    assertThrows(IllegalArgumentException.class, () -> LocalChatModel.newBuilder().timeout(Duration.ofSeconds(-1)));
  }

  @Test
  void missingNotGgufAndCorruptFilesGiveClearErrors(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.gguf");
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> LocalChatModel.newBuilder().gguf(missing).build());
    assertTrue(a.getMessage().contains(missing.toString()) && a.getMessage().contains("not a readable file"),
        a.getMessage());
    Path text = Files.writeString(dir.resolve("model.gguf"), "hello");
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> LocalChatModel.newBuilder().gguf(text).build());
    assertTrue(b.getMessage().contains("not a GGUF file"), b.getMessage());
    // The right magic, then half of the real file: refused before llama.cpp sees it, naming the file.
    byte[] real = Files.readAllBytes(TINY);
    Path corrupt = Files.write(dir.resolve("corrupt.gguf"), java.util.Arrays.copyOf(real, real.length / 2));
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> LocalChatModel.newBuilder().gguf(corrupt).threads(1).build());
    assertTrue(c.getMessage().contains(corrupt.toString()) && c.getMessage().contains("truncated"),
        c.getMessage());
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> LocalChatModel.newBuilder().build());
    assertTrue(d.getMessage().contains("gguf must be set"), d.getMessage());
  }

  @Test
  void theProviderWinsOnlyWhenTheVariableNamesAModel() {
    LocalScriptGeneratorProvider none = new LocalScriptGeneratorProvider(k -> null);
    assertEquals(Integer.MIN_VALUE, none.priority());
    assertThrows(IllegalArgumentException.class, none::create);
    LocalScriptGeneratorProvider set = new LocalScriptGeneratorProvider(
        k -> k.equals(LocalScriptGeneratorProvider.GGUF_VARIABLE) ? TINY.toString() : k.equals(
            "LIVECOMMERCE_LLM_THREADS") ? "1" : null);
    assertEquals(20, set.priority());
    assertTrue(set.create() instanceof LlmScriptGenerator);
    LocalScriptGeneratorProvider badThreads = new LocalScriptGeneratorProvider(
        k -> k.equals(LocalScriptGeneratorProvider.GGUF_VARIABLE) ? TINY.toString() : "many");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, badThreads::create);
    assertTrue(e.getMessage().contains("LIVECOMMERCE_LLM_THREADS 'many'"), e.getMessage());
  }
}
