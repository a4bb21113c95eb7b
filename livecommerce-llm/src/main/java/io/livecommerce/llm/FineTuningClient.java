package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.internal.Checks;
import io.livecommerce.llm.internal.RetryInterceptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tuning jobs on an OpenAI-compatible API: upload a JSONL file ({@code POST /files}), create a job
 * ({@code POST /fine_tuning/jobs}), read its status and events, cancel it, and wait for it to end.
 *
 * <pre>{@code
 * FineTuningClient ft = FineTuningClient.using(chatClient);         // same URL, key, retries, deadlines
 * FineTuningFile train = ft.upload(Path.of("finetune/train.jsonl"));
 * FineTuningFile val = ft.upload(Path.of("finetune/validation.jsonl"));
 * FineTuningJob job = ft.create(FineTuningJobRequest.of(train.id()).withValidationFile(val.id())
 *     .withModel("gpt-4o-mini-2024-07-18").withSuffix("live-scripts"));
 * String model = ft.await(job.id(), Duration.ofSeconds(30), Duration.ofHours(3), e -> log.info(e.message()))
 *     .requireSucceeded();
 * LlmScriptGenerator generator = LlmScriptGenerator.newBuilder().client(chatClient).model(model).build();
 * }</pre>
 *
 * <p>Every request goes through the {@link ChatClient}'s stack: its base URL and key, retries with backoff on
 * connection failures, 408, 409, 429 and 5xx, its call deadline and typed {@link LlmException}s; the key never
 * appears in messages, logs or {@link #toString()}. Creating a job is the one request that must not run twice, so it
 * is retried only on 429 or when no connection was made. Uploads are checked line by line before they are sent (each
 * line a JSON object with a non-empty {@code messages} array of roles and contents), so a malformed file fails here
 * with its line number, not hours later at the provider.
 *
 * <p>Thread-safe; share one instance. It does not own the chat client: closing that is the caller's business.
 */
public final class FineTuningClient {

  private static final Logger LOG = LoggerFactory.getLogger(FineTuningClient.class);
  private static final MediaType JSONL = MediaType.get("application/jsonl");
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final ChatClient transport;
  private final HttpTransport http;
  private final Clock clock;
  private final Sleeper sleeper;

  private FineTuningClient(ChatClient transport, Clock clock, Sleeper sleeper) {
    this.transport = transport;
    this.http = transport.transport();
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** A client that sends through {@code client} and waits on the system clock. */
  public static FineTuningClient using(ChatClient client) {
    return using(client, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** A client that sends through {@code client} and polls with {@code clock} and {@code sleeper} (for tests). */
  public static FineTuningClient using(ChatClient client, Clock clock, Sleeper sleeper) {
    return new FineTuningClient(Checks.notNull(client, "client"), Checks.notNull(clock, "clock"),
        Checks.notNull(sleeper, "sleeper"));
  }

  /**
   * Uploads a chat JSONL file for fine-tuning.
   *
   * @throws IllegalArgumentException if the file is missing, empty or has a malformed line (named)
   * @throws LlmException if the provider refuses it or cannot be reached
   */
  public FineTuningFile upload(Path jsonl) {
    Checks.notNull(jsonl, "jsonl");
    int lines = checkJsonl(jsonl);
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("purpose", "fine-tune")
        .addFormDataPart("file", jsonl.getFileName().toString(), RequestBody.create(jsonl.toFile(), JSONL))
        .build();
    JsonNode n = call(new Request.Builder().url(http.url("files").build()).post(body), "file upload");
    LOG.debug("uploaded {} ({} lines) as {}", jsonl.getFileName(), lines, n.path("id").asText());
    return new FineTuningFile(required(n, "id"), n.path("filename").asText(jsonl.getFileName().toString()),
        n.path("bytes").asLong(), n.path("purpose").asText("fine-tune"), n.path("created_at").asLong());
  }

  /**
   * Creates a job. Not retried after the provider may have taken it (see the class comment).
   *
   * @throws LlmException if the provider refuses it or cannot be reached
   */
  public FineTuningJob create(FineTuningJobRequest request) {
    Checks.notNull(request, "request");
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", request.model().isEmpty() ? transport.model() : request.model());
    body.put("training_file", request.trainingFile());
    if (!request.validationFile().isEmpty()) {
      body.put("validation_file", request.validationFile());
    }
    if (!request.suffix().isEmpty()) {
      body.put("suffix", request.suffix());
    }
    if (request.seed() != null) {
      body.put("seed", request.seed());
    }
    if (request.epochs() != null) {
      body.putObject("hyperparameters").put("n_epochs", request.epochs());
    }
    Request.Builder rb = new Request.Builder().url(http.url("fine_tuning/jobs").build())
        .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON_TYPE))
        .tag(RetryInterceptor.NotIdempotent.class, RetryInterceptor.NotIdempotent.INSTANCE);
    return job(call(rb, "job creation"));
  }

  /**
   * The job as the provider reports it now.
   *
   * @throws LlmException if the provider refuses or cannot be reached (unknown id: {@link BadRequestException})
   */
  public FineTuningJob job(String jobId) {
    Checks.notBlank(jobId, "jobId");
    return job(call(new Request.Builder().url(http.url("fine_tuning/jobs").addPathSegment(jobId).build()).get(),
        "job status"));
  }

  /**
   * Cancels a job and returns it as the provider reports it then.
   *
   * @throws LlmException if the provider refuses (a finished job) or cannot be reached
   */
  public FineTuningJob cancel(String jobId) {
    Checks.notBlank(jobId, "jobId");
    return job(call(new Request.Builder().url(http.url("fine_tuning/jobs").addPathSegment(jobId)
        .addPathSegment("cancel").build()).post(RequestBody.create(new byte[0], JSON_TYPE)), "job cancel"));
  }

  /**
   * The job's latest events, at most {@code limit} (in [1, 100]), oldest first.
   *
   * @throws LlmException if the provider refuses or cannot be reached
   */
  public List<FineTuningEvent> events(String jobId, int limit) {
    Checks.notBlank(jobId, "jobId");
    Checks.inRange(limit, 1, 100, "limit");
    JsonNode n = call(new Request.Builder().url(http.url("fine_tuning/jobs").addPathSegment(jobId)
        .addPathSegment("events").addQueryParameter("limit", String.valueOf(limit)).build()).get(), "job events");
    List<FineTuningEvent> out = new ArrayList<>();
    for (JsonNode e : n.path("data")) {
      out.add(new FineTuningEvent(e.path("id").asText(), e.path("created_at").asLong(), e.path("level").asText(""),
          e.path("message").asText("")));
    }
    // Providers list newest first; people read oldest first. Reversing keeps events of one second in order; the
    // stable sort then also serves a provider that lists oldest first.
    Collections.reverse(out);
    out.sort(java.util.Comparator.comparingLong(FineTuningEvent::createdAt));
    return Collections.unmodifiableList(out);
  }

  /**
   * Polls the job every {@code pollEvery} until it ends, handing each new event to {@code onEvent} once, oldest
   * first (including those logged as it ended), and returns the ended job (check {@link FineTuningJob#status()} or call
   * {@link FineTuningJob#requireSucceeded()}). A failed poll is retried by the client's stack; one that still fails
   * ends the wait with its exception, and the job keeps running at the provider.
   *
   * @throws LlmTimeoutException if the job has not ended within {@code timeout} (it keeps running; cancel it or
   *     wait again)
   * @throws LlmException if a poll fails
   */
  public FineTuningJob await(String jobId, Duration pollEvery, Duration timeout, Consumer<FineTuningEvent> onEvent) {
    Checks.notBlank(jobId, "jobId");
    positive(pollEvery, "pollEvery");
    positive(timeout, "timeout");
    Checks.notNull(onEvent, "onEvent");
    long end = clock.millis() + timeout.toMillis();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (true) {
      report(jobId, seen, onEvent);
      FineTuningJob job = job(jobId);
      if (job.status().isTerminal()) {
        report(jobId, seen, onEvent); // what the job logged while it finished
        return job;
      }
      if (clock.millis() + pollEvery.toMillis() > end) {
        throw new LlmTimeoutException("fine-tuning job " + jobId + " is still " + job.status() + " after "
            + timeout + "; it keeps running at the provider (cancel it or wait again)", null);
      }
      try {
        sleeper.sleep(pollEvery);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmTimeoutException("interrupted while waiting for fine-tuning job " + jobId, e);
      }
    }
  }

  private void report(String jobId, java.util.Set<String> seen, Consumer<FineTuningEvent> onEvent) {
    for (FineTuningEvent e : events(jobId, 100)) {
      if (seen.add(e.id())) {
        onEvent.accept(e);
      }
    }
  }

  private JsonNode call(Request.Builder rb, String what) {
    try (Response r = http.send(rb)) {
      String requestId = ErrorMapper.requestId(r);
      return http.parse(http.readLimited(r, requestId), requestId);
    } catch (IOException e) {
      throw http.errors().fromIo(e, what);
    }
  }

  private static FineTuningJob job(JsonNode n) {
    JsonNode err = n.path("error");
    String error = err.isObject() ? err.path("message").asText("") : err.isTextual() ? err.asText() : "";
    return new FineTuningJob(required(n, "id"), FineTuningJob.Status.of(n.path("status").asText("")),
        n.path("model").asText(""), text(n, "fine_tuned_model"), n.path("training_file").asText(""),
        text(n, "validation_file"), n.path("created_at").asLong(), n.path("finished_at").asLong(),
        n.path("trained_tokens").asLong(), error);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v.isBlank()) {
      throw new MalformedResponseException("response has no " + field, 200, "", "", null);
    }
    return v;
  }

  /** Every line a JSON object with a non-empty messages array of role and content; returns the line count. */
  static int checkJsonl(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("jsonl " + file + " is not a file");
    }
    int line = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        checkLine(file, line, s);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("jsonl " + file + " cannot be read as UTF-8 (line " + (line + 1) + "): "
          + e.getMessage(), e);
    }
    if (line == 0) {
      throw new IllegalArgumentException("jsonl " + file + " is empty: nothing to fine-tune on");
    }
    return line;
  }

  private static void checkLine(Path file, int line, String s) {
    JsonNode n;
    try {
      n = HttpTransport.JSON.readTree(s);
    } catch (IOException e) {
      n = null;
    }
    String where = "jsonl " + file + " line " + line + ": ";
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(where + "is not a JSON object");
    }
    JsonNode messages = n.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException(where + "has no non-empty \"messages\" array");
    }
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = m.path("role").asText("");
      if (!List.of("system", "user", "assistant").contains(role)) {
        throw new IllegalArgumentException(where + "messages[" + i + "].role must be system, user or assistant but was "
            + Checks.quote(role));
      }
      if (!m.path("content").isTextual() || m.path("content").asText().isBlank()) {
        throw new IllegalArgumentException(where + "messages[" + i + "].content is missing or blank");
      }
    }
  }

  private static void positive(Duration d, String name) {
    Checks.notNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + d);
    }
  }

  @Override
  public String toString() {
    return "FineTuningClient{" + transport + "}";
  }
}
