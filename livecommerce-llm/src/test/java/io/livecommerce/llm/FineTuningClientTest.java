package io.livecommerce.llm;

import static io.livecommerce.llm.ChatClientTest.KEY;
import static io.livecommerce.llm.ChatClientTest.JSON;
import static io.livecommerce.llm.ChatClientTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fine-tuning job client against a scripted OpenAI-compatible server, failures included. */
class FineTuningClientTest {

  MockWebServer server;
  FakeTime time;
  ChatClient chat;
  FineTuningClient ft;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    time = new FakeTime(1_700_000_000_000L);
    chat = ChatClient.newBuilder().baseUrl(server.url("/v1").toString()).apiKey(KEY).model("gpt-4o-mini")
        .clock(time).sleeper(time).retrySeed(7).build();
    ft = FineTuningClient.using(chat, time, time);
  }

  @AfterEach
  void stop() {
    chat.close();
    server.close();
  }

  static String job(String status, String model) {
    return "{\"object\":\"fine_tuning.job\",\"id\":\"ftjob-1\",\"model\":\"gpt-4o-mini\",\"created_at\":1700000000,"
        + "\"finished_at\":" + (model == null ? "null" : "1700003600") + ",\"fine_tuned_model\":"
        + (model == null ? "null" : "\"" + model + "\"") + ",\"status\":\"" + status + "\",\"training_file\":\"file-t\","
        + "\"validation_file\":\"file-v\",\"trained_tokens\":" + (model == null ? "null" : "12345") + ",\"error\":{}}";
  }

  static String events(String... idAndMessage) {
    StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
    // Newest first, as providers list them.
    for (int i = idAndMessage.length - 2; i >= 0; i -= 2) {
      sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append("{\"object\":\"fine_tuning.job.event\",\"id\":\"")
          .append(idAndMessage[i]).append("\",\"created_at\":").append(1700000000 + i).append(",\"level\":\"info\",")
          .append("\"message\":\"").append(idAndMessage[i + 1]).append("\",\"type\":\"message\"}");
    }
    return sb.append("],\"has_more\":false}").toString();
  }

  Path jsonl(String content) throws Exception {
    Path p = dir.resolve("train.jsonl");
    Files.writeString(p, content);
    return p;
  }

  static final String LINE = "{\"messages\":[{\"role\":\"system\",\"content\":\"你是话术助手\"},"
      + "{\"role\":\"user\",\"content\":\"商品：口红\"},{\"role\":\"assistant\",\"content\":\"这支口红显白\"}]}\n";

  @Test
  void uploadsAFileAsMultipartForFineTuning() throws Exception {
    server.enqueue(ok("{\"id\":\"file-abc\",\"object\":\"file\",\"bytes\":190,\"created_at\":1700000000,"
        + "\"filename\":\"train.jsonl\",\"purpose\":\"fine-tune\"}"));
    FineTuningFile f = ft.upload(jsonl(LINE + LINE));
    assertEquals(new FineTuningFile("file-abc", "train.jsonl", 190, "fine-tune", 1700000000), f);
    RecordedRequest req = server.takeRequest();
    assertEquals("/v1/files", req.getUrl().encodedPath());
    assertEquals("Bearer " + KEY, req.getHeaders().get("Authorization"));
    assertTrue(req.getHeaders().get("Content-Type").startsWith("multipart/form-data"));
    String body = req.getBody().utf8();
    assertTrue(body.contains("name=\"purpose\"") && body.contains("fine-tune"), body);
    assertTrue(body.contains("filename=\"train.jsonl\"") && body.contains("这支口红显白"), body);
  }

  @Test
  void aMalformedFileFailsBeforeAnythingIsSentNamingTheLine() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ft.upload(jsonl(LINE + "{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}\n")));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("robot"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ft.upload(jsonl(LINE + "not json\n")))
        .getMessage().contains("line 2: is not a JSON object"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ft.upload(jsonl("")))
        .getMessage().contains("is empty"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ft.upload(dir.resolve("none.jsonl")))
        .getMessage().contains("is not a file"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void createsAJobWithTheSettingsGiven() throws Exception {
    server.enqueue(ok(job("validating_files", null)));
    FineTuningJob j = ft.create(FineTuningJobRequest.of("file-t").withValidationFile("file-v").withSuffix("live")
        .withSeed(42).withEpochs(3));
    assertEquals("ftjob-1", j.id());
    assertEquals(FineTuningJob.Status.VALIDATING_FILES, j.status());
    assertEquals("", j.fineTunedModel());
    JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
    assertEquals("gpt-4o-mini", body.get("model").asText(), "the chat client's model by default");
    assertEquals("file-t", body.get("training_file").asText());
    assertEquals("file-v", body.get("validation_file").asText());
    assertEquals("live", body.get("suffix").asText());
    assertEquals(42, body.get("seed").asInt());
    assertEquals(3, body.get("hyperparameters").get("n_epochs").asInt());
  }

  @Test
  void jobCreationIsRetriedOnRateLimitsButNeverAfterTheServerMayHaveTakenIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("{}").build());
    server.enqueue(ok(job("queued", null)));
    assertEquals(FineTuningJob.Status.QUEUED, ft.create(FineTuningJobRequest.of("file-t")).status());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps);

    server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"busy\"}}").build());
    server.enqueue(ok(job("queued", null)));
    ProviderException e = assertThrows(ProviderException.class, () -> ft.create(FineTuningJobRequest.of("file-t")));
    assertEquals(503, e.status());
    assertEquals(3, server.getRequestCount(), "no second attempt after a 5xx");
  }

  @Test
  void jobCreationIsNotRetriedWhenTheConnectionBreaksMidRequest() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
        .build());
    server.enqueue(ok(job("queued", null)));
    assertThrows(ProviderException.class, () -> ft.create(FineTuningJobRequest.of("file-t")));
    assertEquals(1, server.getRequestCount(), "no second attempt after the connection broke mid-request");
  }

  @Test
  void statusReadsAreRetriedOnServerErrors() throws Exception {
    server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
    server.enqueue(ok(job("running", null)));
    assertEquals(FineTuningJob.Status.RUNNING, ft.job("ftjob-1").status());
    assertEquals(2, server.getRequestCount());
    assertEquals("/v1/fine_tuning/jobs/ftjob-1", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void awaitPollsUntilTheJobEndsAndReportsEachEventOnceOldestFirst() throws Exception {
    server.enqueue(ok(events("e1", "Validating training file")));
    server.enqueue(ok(job("running", null)));
    server.enqueue(ok(events("e1", "Validating training file", "e2", "Step 10/30: training loss=1.2")));
    server.enqueue(ok(job("running", null)));
    server.enqueue(ok(events("e1", "Validating training file", "e2", "Step 10/30: training loss=1.2", "e3",
        "The job has successfully completed")));
    server.enqueue(ok(job("succeeded", "ft:gpt-4o-mini:org:live:abc")));
    server.enqueue(ok(events("e1", "Validating training file", "e2", "Step 10/30: training loss=1.2", "e3",
        "The job has successfully completed", "e4", "New fine-tuned model created")));
    List<String> seen = new ArrayList<>();
    FineTuningJob j = ft.await("ftjob-1", Duration.ofSeconds(30), Duration.ofHours(1), e -> seen.add(e.message()));
    assertEquals(List.of("Validating training file", "Step 10/30: training loss=1.2",
        "The job has successfully completed", "New fine-tuned model created"), seen);
    assertEquals("ft:gpt-4o-mini:org:live:abc", j.requireSucceeded());
    assertEquals(12345, j.trainedTokens());
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), time.sleeps);
    RecordedRequest first = server.takeRequest();
    assertEquals("/v1/fine_tuning/jobs/ftjob-1/events", first.getUrl().encodedPath());
    assertEquals("100", first.getUrl().queryParameter("limit"));
  }

  @Test
  void eventsOfOneSecondKeepTheirOrder() throws Exception {
    server.enqueue(ok("{\"object\":\"list\",\"data\":[{\"id\":\"b\",\"created_at\":5,\"level\":\"info\","
        + "\"message\":\"second\"},{\"id\":\"a\",\"created_at\":5,\"level\":\"info\",\"message\":\"first\"},"
        + "{\"id\":\"z\",\"created_at\":4,\"level\":\"info\",\"message\":\"zeroth\"}]}"));
    assertEquals(List.of("zeroth", "first", "second"), ft.events("ftjob-1", 10).stream()
        .map(FineTuningEvent::message).toList());
  }

  @Test
  void awaitGivesUpAtItsTimeoutAndAFailedJobSaysWhy() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok(events()));
      server.enqueue(ok(job("queued", null)));
    }
    LlmTimeoutException t = assertThrows(LlmTimeoutException.class,
        () -> ft.await("ftjob-1", Duration.ofMinutes(1), Duration.ofMinutes(2), e -> { }));
    assertTrue(t.getMessage().contains("still QUEUED") && t.getMessage().contains("keeps running"), t.getMessage());
    assertEquals(6, server.getRequestCount());

    server.enqueue(ok(events()));
    server.enqueue(ok(job("failed", null).replace("\"error\":{}",
        "\"error\":{\"code\":\"invalid_training_file\",\"message\":\"line 3 has no assistant message\"}")));
    server.enqueue(ok(events()));
    FineTuningJob failed = ft.await("ftjob-1", Duration.ofMinutes(1), Duration.ofMinutes(2), e -> { });
    assertEquals(FineTuningJob.Status.FAILED, failed.status());
    ProviderException e = assertThrows(ProviderException.class, failed::requireSucceeded);
    assertTrue(e.getMessage().contains("failed: line 3 has no assistant message"), e.getMessage());
  }

  @Test
  void cancelPostsToTheJobsCancelPathAndIdsCannotEscapeIt() throws Exception {
    server.enqueue(ok(job("cancelled", null)));
    assertEquals(FineTuningJob.Status.CANCELLED, ft.cancel("ftjob-1").status());
    RecordedRequest req = server.takeRequest();
    assertEquals("POST", req.getMethod());
    assertEquals("/v1/fine_tuning/jobs/ftjob-1/cancel", req.getUrl().encodedPath());
    server.enqueue(ok(job("running", null)));
    ft.job("../../files");
    assertEquals("/v1/fine_tuning/jobs/..%2F..%2Ffiles", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void errorsAreTypedAndNeverShowTheKey() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401)
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"code\":\"invalid_api_key\"}}")
        .build());
    AuthenticationException a = assertThrows(AuthenticationException.class, () -> ft.job("ftjob-1"));
    assertFalse(a.getMessage().contains(KEY), a.getMessage());
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"No such job\"}}").build());
    BadRequestException b = assertThrows(BadRequestException.class, () -> ft.job("ftjob-x"));
    assertTrue(b.getMessage().contains("No such job"), b.getMessage());
    server.enqueue(ok("not json"));
    assertThrows(MalformedResponseException.class, () -> ft.job("ftjob-1"));
    assertFalse(ft.toString().contains(KEY), ft.toString());
  }

  @Test
  void unknownStatusesAreNotTerminalAndCanceledSpelledTheAmericanWayIs() {
    assertEquals(FineTuningJob.Status.UNKNOWN, FineTuningJob.Status.of("paused"));
    assertFalse(FineTuningJob.Status.UNKNOWN.isTerminal());
    assertEquals(FineTuningJob.Status.CANCELLED, FineTuningJob.Status.of("canceled"));
    assertThrows(IllegalArgumentException.class, () -> FineTuningJobRequest.of("f").withEpochs(0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FineTuningJobRequest.of(" "))
        .getMessage().contains("trainingFile"));
  }
}
