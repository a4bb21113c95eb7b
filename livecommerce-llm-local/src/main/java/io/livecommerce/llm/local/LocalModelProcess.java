package io.livecommerce.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.LlmTimeoutException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link ChildProcessChatModel}: loads a GGUF model and answers the requests it reads, one JSON
 * line each on standard input, with JSON lines on standard output ({@link ChildProtocol}). Its standard output is a
 * protocol channel, not a console: logs go to standard error through SLF4J. A llama.cpp abort ends this process
 * only.
 *
 * <p>Arguments: the GGUF path, threads, context size, the default timeout in milliseconds (0 for none).
 */
public final class LocalModelProcess {

  private LocalModelProcess() {}

  /** Runs until standard input closes. Exits 2 when the model cannot be loaded (the reason on the first line). */
  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    LocalChatModel model;
    try {
      model = LocalChatModel.newBuilder().gguf(Path.of(args[0])).threads(Integer.parseInt(args[1]))
          .contextSize(Integer.parseInt(args[2])).timeout(Duration.ofMillis(Long.parseLong(args[3]))).build();
    } catch (RuntimeException e) {
      out.println(ChildProtocol.JSON.createObjectNode().put("error", String.valueOf(e.getMessage()))
          .put("kind", "load"));
      System.exit(2);
      return;
    }
    out.println("{\"ready\":true}");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      try {
        JsonNode n = ChildProtocol.JSON.readTree(line);
        ChatRequest request = ChildProtocol.request(n);
        ChatResponse r = n.path("stream").asBoolean()
            ? model.stream(request, delta -> out.println(ChildProtocol.JSON.createObjectNode().put("delta", delta)))
            : model.chat(request);
        out.println(ChildProtocol.response(r));
      } catch (RuntimeException e) {
        out.println(ChildProtocol.JSON.createObjectNode().put("error", String.valueOf(e.getMessage()))
            .put("kind", e instanceof LlmTimeoutException ? "timeout" : "llm"));
      }
    }
    model.close();
    System.exit(0); // java-llama.cpp keeps a native thread after close (its issue #116)
  }
}
