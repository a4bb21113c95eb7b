package io.livecommerce.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecommerce.internal.Checks;
import io.livecommerce.llm.ChatModel;
import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.LlmException;
import io.livecommerce.llm.LlmTimeoutException;
import io.livecommerce.llm.StreamListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LocalChatModel} run in a child JVM, for a service that must survive the model: a llama.cpp abort, a
 * native crash or a render that never ends takes the child down, not the caller. The call that saw it fails with an
 * {@link LlmException} naming the exit code (a timeout with {@link LlmTimeoutException}, and the child is killed);
 * the next call starts a new child. The file is validated ({@code GgufValidator}) before any child starts.
 *
 * <pre>{@code
 * try (ChatModel model = ChildProcessChatModel.newBuilder().gguf(Path.of("qwen2.5-1.5b-instruct-q4_k_m.gguf"))
 *     .threads(4).build()) {
 *   ScriptGenerator g = LlmScriptGenerator.newBuilder().client(model).jsonSchema(true).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls are served one at a time, in order (the model generates one answer at a time anyway).
 */
public final class ChildProcessChatModel implements ChatModel {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcessChatModel.class);
  private static final String END = "\u0000end";

  private final Builder settings;
  private Process process;
  private Writer toChild;
  private BlockingQueue<String> fromChild;
  private boolean closed;

  private ChildProcessChatModel(Builder b) {
    this.settings = b;
  }

  /** A builder; {@link Builder#gguf} is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String model() {
    return settings.gguf.getFileName().toString();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return call(Checks.notNull(request, "request"), null);
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    return call(Checks.notNull(request, "request"), Checks.notNull(listener, "listener"));
  }

  private synchronized ChatResponse call(ChatRequest request, StreamListener listener) {
    if (closed) {
      throw new IllegalStateException("model " + model() + " is closed");
    }
    Duration limit = request.timeout() != null ? request.timeout() : settings.timeout;
    long deadline = limit.isZero() ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
    ensureStarted(deadline);
    try {
      toChild.write(ChildProtocol.request(request, listener != null) + "\n");
      toChild.flush();
    } catch (IOException e) {
      throw died("could not send the request");
    }
    while (true) {
      String line = next(deadline);
      JsonNode n;
      try {
        n = ChildProtocol.JSON.readTree(line);
      } catch (IOException e) {
        continue; // not ours: llama.cpp wrote to standard output
      }
      if (n.has("delta")) {
        listener.onText(n.get("delta").asText());
      } else if (n.has("response")) {
        return ChildProtocol.response(n.get("response"));
      } else if (n.has("error")) {
        String msg = "local model " + model() + ": " + n.get("error").asText();
        throw n.path("kind").asText().equals("timeout") ? new LlmTimeoutException(msg, null)
            : new LlmException(msg, 0, "", "", null);
      }
    }
  }

  /** The child's next line before the deadline; a child that ends or overruns is gone after this. */
  private String next(long deadline) {
    String line;
    try {
      long wait = deadline - System.nanoTime();
      line = wait <= 0 ? fromChild.poll() : fromChild.poll(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new java.util.concurrent.CancellationException("interrupted while waiting for " + model());
    }
    if (line == null) {
      kill();
      throw new LlmTimeoutException("local model " + model() + " passed its timeout; its process was stopped and "
          + "the next call starts a new one", null);
    }
    if (line.equals(END)) {
      throw died("the process ended");
    }
    return line;
  }

  private LlmException died(String what) {
    int code = -1;
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        code = process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    String why = code == 134 ? " (an abort in llama.cpp)" : code == 139 ? " (a crash in native code)" : "";
    LOG.warn("local model {} process ended with exit code {}{}", model(), code, why);
    return new LlmException("local model " + model() + ": " + what + " with exit code " + code + why
        + "; the next call starts a new process", 0, "", "", null);
  }

  private void ensureStarted(long deadline) {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(settings.javaCommand);
    cmd.addAll(settings.jvmArgs);
    Module module = LocalModelProcess.class.getModule();
    String modulePath = System.getProperty("jdk.module.path");
    if (module.isNamed() && modulePath != null && !modulePath.isBlank()) {
      // On the module path the class path lacks this module: start the child the way this JVM was started.
      cmd.add("-p");
      cmd.add(modulePath);
      if (!settings.classPath.isBlank()) {
        cmd.add("-cp");
        cmd.add(settings.classPath);
      }
      cmd.add("-m");
      cmd.add(module.getName() + "/" + LocalModelProcess.class.getName());
    } else {
      cmd.add("-cp");
      cmd.add(settings.classPath);
      cmd.add(LocalModelProcess.class.getName());
    }
    cmd.add(settings.gguf.toAbsolutePath().toString());
    cmd.add(String.valueOf(settings.threads));
    cmd.add(String.valueOf(settings.contextSize));
    cmd.add(String.valueOf(settings.timeout.toMillis()));
    try {
      process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new LlmException("could not start a process for local model " + model() + ": " + e.getMessage(), 0, "",
          "", e);
    }
    toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    fromChild = queue;
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    Thread t = new Thread(() -> {
      try {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          queue.add(line);
        }
      } catch (IOException e) {
        // the process went away; the sentinel below says so
      }
      queue.add(END);
    }, "livecommerce-llama-child");
    t.setDaemon(true);
    t.start();
    String first = next(deadline);
    if (!first.contains("\"ready\"")) {
      kill();
      throw new IllegalArgumentException("local model " + model() + " could not be loaded: " + first);
    }
  }

  private void kill() {
    if (process != null) {
      process.destroyForcibly();
      process = null;
    }
  }

  /** Ends the child process. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (process != null) {
      try {
        toChild.close(); // the child exits when its input ends
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (IOException | InterruptedException e) {
        kill();
      }
      process = null;
    }
  }

  /** The child process, for tests that need to end it. */
  synchronized Process process() {
    return process;
  }

  @Override
  public String toString() {
    return "ChildProcessChatModel{" + model() + ", threads=" + settings.threads + "}";
  }

  /**
   * Settings of a {@link ChildProcessChatModel}. Not thread-safe; {@link #build} validates the file and starts
   * nothing yet (the first call starts the child).
   */
  public static final class Builder {
    private Path gguf;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int contextSize = 4096;
    private Duration timeout = Duration.ofMinutes(5);
    private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classPath = System.getProperty("java.class.path");
    private List<String> jvmArgs = List.of("-Xmx2g");

    private Builder() {}

    /** The GGUF model file; required. */
    public Builder gguf(Path gguf) {
      this.gguf = Checks.notNull(gguf, "gguf");
      return this;
    }

    /** CPU threads in the child, in [1, 256]; default half the cores. */
    public Builder threads(int threads) {
      this.threads = Checks.inRange(threads, 1, 256, "threads");
      return this;
    }

    /** The context window in tokens, in [256, 131,072]; default 4,096. */
    public Builder contextSize(int tokens) {
      this.contextSize = Checks.inRange(tokens, 256, 131_072, "contextSize");
      return this;
    }

    /** The deadline of a call whose request sets none, loading included; zero for none; default 5 minutes. */
    public Builder timeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be >= 0 but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The child's class path; default this JVM's (it must hold livecommerce-llm-local and its dependencies). When
     * this module runs as a named module, the child gets this JVM's module path too and starts from it.
     */
    public Builder classPath(String classPath) {
      this.classPath = Checks.notBlank(classPath, "classPath");
      return this;
    }

    /** The child's JVM options; default {@code -Xmx2g}. */
    public Builder jvmArgs(List<String> args) {
      this.jvmArgs = Checks.copyNoBlanks(Checks.notNull(args, "jvmArgs"), "jvmArgs");
      return this;
    }

    /**
     * A model whose first call starts the child.
     *
     * @throws IllegalArgumentException if no file was set, or it is missing or not a valid GGUF file
     */
    public ChildProcessChatModel build() {
      GgufValidator.requireModelFile(gguf);
      return new ChildProcessChatModel(this);
    }
  }
}
