package io.livecommerce.llm.local;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import io.livecommerce.internal.Checks;
import io.livecommerce.llm.ChatMessage;
import io.livecommerce.llm.ChatModel;
import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.LlmException;
import io.livecommerce.llm.LlmTimeoutException;
import io.livecommerce.llm.StreamListener;
import io.livecommerce.llm.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat model that runs a GGUF file in this process with llama.cpp (through java-llama.cpp), without network: the
 * chat template stored in the file formats the messages, and a JSON-schema response format becomes a llama.cpp
 * grammar, so the answer is always JSON of that schema when generation is not cut short by {@code maxTokens}.
 *
 * <pre>{@code
 * try (LocalChatModel model = LocalChatModel.newBuilder().gguf(Path.of("qwen2.5-1.5b-instruct-q4_k_m.gguf"))
 *     .threads(4).build()) {
 *   LlmScriptGenerator generator = LlmScriptGenerator.newBuilder().client(model).jsonSchema(true).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe, with one generation at a time per loaded model (llama.cpp shares one context): other callers
 * wait in order, at most {@code maxQueued} of them; one more fails at once with an {@link LlmException} saying the
 * model is busy. A request's {@link ChatRequest#timeout()} bounds waiting and generating together. Interrupting
 * the calling thread cancels its generation ({@link CancellationException}). {@link #close()} waits for the
 * running generation, then frees the native memory; later calls throw {@link IllegalStateException}.
 *
 * <p>Known limitation: java-llama.cpp 4.2.0 leaves a non-daemon thread attached to the JVM after a model loads,
 * also after {@link #close()} (its issue #116), so a program whose {@code main} returns keeps running; end such a
 * program with {@link System#exit}. Servers and the CLI are not affected.
 */
public final class LocalChatModel implements ChatModel {

  private static final Logger LOG = LoggerFactory.getLogger(LocalChatModel.class);

  private final Path gguf;
  private final int threads;
  private final int contextSize;
  private final int maxQueued;
  private final int defaultMaxTokens;
  private final java.time.Duration timeout;
  private final LlamaModel llama;
  private final java.util.concurrent.ExecutorService templating;
  // True while a chat template renders on the templating thread. A render that outlives its request keeps running
  // in native code and later renders queue behind it; a timed-out request says whether it waited behind one.
  private final java.util.concurrent.atomic.AtomicBoolean rendering = new java.util.concurrent.atomic.AtomicBoolean();
  private final Semaphore turn = new Semaphore(1, true);
  private final AtomicInteger inside = new AtomicInteger();
  private volatile boolean closed;

  private LocalChatModel(Builder b) {
    this.gguf = b.gguf;
    this.threads = b.threads;
    this.contextSize = b.contextSize;
    this.maxQueued = b.maxQueued;
    this.defaultMaxTokens = b.defaultMaxTokens;
    this.timeout = b.timeout;
    // Rendering the chat template is one native call that cannot be interrupted: it runs here so a caller can stop
    // waiting for it at the deadline.
    this.templating = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "livecommerce-llama-template");
      t.setDaemon(true);
      return t;
    });
    NativeSetup.beforeLoading();
    ModelParameters p = new ModelParameters().setModel(gguf.toString()).setThreads(threads)
        .setThreadsBatch(threads).setCtxSize(contextSize).setLogVerbosity(-1);
    try {
      this.llama = new LlamaModel(p);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalArgumentException("gguf " + gguf + " could not be loaded by llama.cpp: " + e.getMessage(), e);
    }
    LOG.info("loaded {} ({} threads, context {})", gguf.getFileName(), threads, contextSize);
  }

  /** A builder; {@link Builder#gguf} is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String model() {
    return gguf.getFileName().toString();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return generate(request, null);
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    return generate(request, Checks.notNull(listener, "listener"));
  }

  private ChatResponse generate(ChatRequest request, StreamListener listener) {
    Checks.notNull(request, "request");
    ensureOpen();
    java.time.Duration limit = request.timeout() != null ? request.timeout() : timeout;
    long deadline = System.nanoTime() + (limit.isZero() ? Long.MAX_VALUE / 4 : limit.toNanos());
    // Callers inside: the one generating and those waiting for their turn.
    if (inside.incrementAndGet() > maxQueued + 1) {
      inside.decrementAndGet();
      throw new LlmException("local model " + model() + " is busy: " + maxQueued + " requests already wait", 0, "",
          "", null);
    }
    try {
      try {
        if (!turn.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new LlmTimeoutException("waited past the request's timeout for local model " + model(), null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for local model " + model());
      }
      try {
        ensureOpen();
        return run(request, listener, deadline);
      } finally {
        turn.release();
      }
    } finally {
      inside.decrementAndGet();
    }
  }

  private ChatResponse run(ChatRequest request, StreamListener listener, long deadline) {
    String prompt = promptWithin(request.messages(), deadline);
    int maxTokens = request.maxTokens() != null ? request.maxTokens() : defaultMaxTokens;
    InferenceParameters p = new InferenceParameters(prompt).setNPredict(maxTokens).setCachePrompt(false);
    // A fixed default seed: the same request gives the same answer unless the caller asks for another seed.
    p.setSeed(request.seed() != null ? (int) (request.seed() ^ (request.seed() >>> 32)) : 0);
    if (request.temperature() != null) {
      p.setTemperature(request.temperature().floatValue());
    }
    if (request.topP() != null) {
      p.setTopP(request.topP().floatValue());
    }
    if (!request.stop().isEmpty()) {
      p.setStopStrings(request.stop().toArray(String[]::new));
    }
    String grammar = Grammars.of(request.responseFormat());
    if (grammar != null) {
      p.setGrammar(grammar);
    }
    StringBuilder text = new StringBuilder();
    LlamaIterator it = llama.generate(p).iterator();
    while (it.hasNext()) {
      if (Thread.currentThread().isInterrupted()) {
        it.cancel();
        throw new CancellationException("generation cancelled (thread interrupted)");
      }
      if (System.nanoTime() > deadline) {
        it.cancel();
        throw new LlmTimeoutException("local generation passed the request's timeout after " + text.length()
            + " characters", null);
      }
      LlamaOutput out;
      try {
        out = it.next();
      } catch (RuntimeException e) {
        it.cancel();
        throw new LlmException("local generation failed: " + e.getMessage(), 0, "", "", e);
      }
      if (!out.text.isEmpty()) {
        text.append(out.text);
        if (listener != null) {
          try {
            listener.onText(out.text);
          } catch (RuntimeException e) {
            it.cancel(); // the caller's own exception ends the generation and reaches the caller unchanged
            throw e;
          }
        }
      }
    }
    String answer = text.toString();
    long promptTokens = llama.encode(prompt).length;
    long completionTokens = answer.isEmpty() ? 0 : llama.encode(answer).length;
    String finish = completionTokens >= maxTokens ? "length" : "stop";
    return new ChatResponse(answer, finish, new Usage(promptTokens, completionTokens, promptTokens
        + completionTokens), model(), "");
  }

  /** The messages in the model's own chat template (from the GGUF file). */
  String prompt(List<ChatMessage> messages) {
    StringBuilder system = new StringBuilder();
    List<Pair<String, String>> turns = new ArrayList<>();
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case SYSTEM -> system.append(system.length() == 0 ? "" : "\n").append(m.content());
        case USER -> turns.add(new Pair<>("user", m.content()));
        case ASSISTANT -> turns.add(new Pair<>("assistant", m.content()));
      }
    }
    InferenceParameters p = new InferenceParameters("").setUseChatTemplate(true)
        .setMessages(system.length() == 0 ? null : system.toString(), turns);
    return llama.applyTemplate(p);
  }

  /**
   * {@link #prompt} within the deadline, on the templating thread: llama.cpp cannot stop a render, so a request whose
   * deadline passes leaves it running there and fails alone. Renders run one at a time, so a generation never runs
   * beside a late render of an earlier request.
   */
  private String promptWithin(List<ChatMessage> messages, long deadline) {
    if (System.nanoTime() >= deadline) {
      throw new LlmTimeoutException("local model " + model() + ": the request's timeout passed before its chat "
          + "template was rendered", null);
    }
    boolean behind = rendering.get();
    java.util.concurrent.Future<String> f = templating.submit(() -> {
      rendering.set(true);
      try {
        return prompt(messages);
      } finally {
        rendering.set(false);
      }
    });
    try {
      return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(false); // not started: never runs; running: finishes on its own
      String why = behind ? "an earlier request's chat-template render was still running" : "its chat template "
          + "did not finish rendering";
      LOG.warn("local model {}: {} within the request's timeout", model(), why);
      throw new LlmTimeoutException("local model " + model() + ": " + why + " within the request's timeout", null);
    } catch (InterruptedException e) {
      f.cancel(false);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while rendering the chat template of " + model());
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      throw new LlmException("local model " + model() + " could not render its chat template: "
          + (c == null ? e : c.getMessage()), 0, "", "", c);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("local model " + model() + " is closed");
    }
  }

  /** Waits for a running generation, then frees the model's native memory. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    turn.acquireUninterruptibly(); // the running generation ends first
    try {
      if (closed) {
        return;
      }
      closed = true;
      templating.shutdown();
      if (!rendersEnded()) {
        // A late render still runs in native code: freeing the model under it would crash the JVM. Leak instead.
        LOG.warn("local model {} not freed: a chat-template render that outlived its request is still running; fix "
            + "or replace the model's chat template, or run the model in a child process", model());
        return;
      }
      llama.close();
      LOG.debug("closed {}", gguf.getFileName());
    } finally {
      turn.release();
    }
  }

  private boolean rendersEnded() {
    try {
      return templating.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return "LocalChatModel{" + gguf.getFileName() + ", threads=" + threads + ", context=" + contextSize
        + (closed ? ", closed" : "") + "}";
  }

  /**
   * Builds a {@link LocalChatModel}; fails fast on invalid values and on a file that is not GGUF. Not thread-safe.
   */
  public static final class Builder {
    private Path gguf;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int contextSize = 4096;
    private int maxQueued = 16;
    private int defaultMaxTokens = 1024;
    private java.time.Duration timeout = java.time.Duration.ofMinutes(5);

    private Builder() {}

    /** The GGUF model file; required. */
    public Builder gguf(Path gguf) {
      this.gguf = Checks.notNull(gguf, "gguf");
      return this;
    }

    /** CPU threads for generation, in [1, 256]; default half the cores (at least 1). */
    public Builder threads(int threads) {
      this.threads = Checks.inRange(threads, 1, 256, "threads");
      return this;
    }

    /** The context in tokens (prompt and answer), in [64, 1,048,576]; default 4,096. */
    public Builder contextSize(int tokens) {
      this.contextSize = Checks.inRange(tokens, 64, 1 << 20, "contextSize");
      return this;
    }

    /** How many callers may wait for the model, in [0, 10,000]; default 16. */
    public Builder maxQueued(int maxQueued) {
      this.maxQueued = Checks.inRange(maxQueued, 0, 10_000, "maxQueued");
      return this;
    }

    /**
     * The deadline of a call whose request sets none: waiting for a turn, rendering the chat template and
     * generating; positive, or {@link java.time.Duration#ZERO} for none; default 5 minutes, as ChatClient's.
     */
    public Builder timeout(java.time.Duration timeout) {
      Checks.notNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be >= 0 but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Tokens generated when a request does not say, in [1, 1,048,576]; default 1,024. */
    public Builder defaultMaxTokens(int tokens) {
      this.defaultMaxTokens = Checks.inRange(tokens, 1, 1 << 20, "defaultMaxTokens");
      return this;
    }

    /**
     * Loads the model.
     *
     * @throws IllegalArgumentException if no file was set, it is missing or unreadable, is not a GGUF file, has a
     *     malformed header, metadata or tensor table, a chat template over the size or nesting limits (see
     *     {@code GgufValidator}), or llama.cpp cannot load it
     */
    public LocalChatModel build() {
      GgufValidator.requireModelFile(gguf);
      return new LocalChatModel(this);
    }
  }
}
