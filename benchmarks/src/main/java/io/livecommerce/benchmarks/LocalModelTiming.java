package io.livecommerce.benchmarks;

import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.local.LocalChatModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tokens per second of the local backend: {@code runs} generations of up to {@code maxTokens} tokens each after three
 * warm-up runs, each with its own seed; prints every run and the median. Generation speed, not prompt processing:
 * the prompt is short. Run by {@code benchmarks/local-llm.sh}.
 */
public final class LocalModelTiming {

  private LocalModelTiming() {}

  public static void main(String[] args) {
    Path gguf = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int maxTokens = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    try (LocalChatModel model = LocalChatModel.newBuilder().gguf(gguf).threads(threads).contextSize(2048).build()) {
      double[] rates = new double[runs];
      for (int r = -3; r < runs; r++) {
        ChatRequest req = ChatRequest.newBuilder().system("你是直播带货主播").user("介绍一下这款保温杯")
            .maxTokens(maxTokens).temperature(0.8).seed(r + 100).build();
        long t0 = System.nanoTime();
        ChatResponse resp = model.chat(req);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r >= 0) {
          rates[r] = resp.usage().completionTokens() / seconds;
          System.out.printf(Locale.ROOT, "run %d: %d tokens in %.3f s = %.0f tokens/s%n", r + 1,
              resp.usage().completionTokens(), seconds, rates[r]);
        }
      }
      Arrays.sort(rates);
      System.out.printf(Locale.ROOT, "%s, %d thread(s): median %.0f tokens/s (min %.0f, max %.0f)%n",
          gguf.getFileName(), threads, rates[runs / 2], rates[0], rates[runs - 1]);
    }
    // java-llama.cpp 4.2.0 leaves a non-daemon native thread behind after close (its issue #116).
    System.exit(0);
  }
}
