package io.livecommerce.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {

  static final String KEY = "sk-live-4f9a2c7e1b8d";
  static final ObjectMapper JSON = new ObjectMapper();

  MockWebServer server;
  FakeTime time;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    time = new FakeTime(1_700_000_000_000L);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ChatClient.Builder client() {
    return ChatClient.newBuilder().baseUrl(server.url("/v1").toString()).apiKey(KEY).model("deepseek-chat")
        .clock(time).sleeper(time).retrySeed(7).redactPii(false);
  }

  static String completion(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"deepseek-chat\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}";
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-123").body(body).build();
  }

  @Test
  void theBuilderDoesNotDependOnCallOrderAndRefusesCrossedRetryDelays() {
    // provider(...) had to come first: called after baseUrl(...) and model(...), it replaced both.
    try (ChatClient c = ChatClient.newBuilder().baseUrl("http://127.0.0.1:9/v1").model("mine")
        .provider(Provider.OPENAI).apiKey("k").build()) {
      assertEquals("mine", c.model());
      assertTrue(c.toString().contains("127.0.0.1:9"), c.toString());
    }
    try (ChatClient c = ChatClient.newBuilder().provider(Provider.OPENAI).apiKey("k").build()) {
      assertEquals("gpt-4o-mini", c.model());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChatClient.newBuilder()
        .provider(Provider.OPENAI).retryMaxDelay(Duration.ofMillis(100)).retryBaseDelay(Duration.ofSeconds(1))
        .build());
    assertTrue(e.getMessage().contains("retryBaseDelay PT1S exceeds retryMaxDelay PT0.1S"), e.getMessage());
  }

  @Test
  void successSendsTheRequestAndParsesTheAnswer() throws Exception {
    server.enqueue(ok(completion("家人们好！")));
    try (ChatClient c = client().build()) {
      ChatResponse r = c.chat(ChatRequest.newBuilder().system("你是主播助手").user("写一句开场白")
          .temperature(0.7).topP(0.9).maxTokens(100).seed(42).stop(List.of("###"))
          .responseFormat(ResponseFormat.JSON_OBJECT).build());
      assertEquals("家人们好！", r.content());
      assertEquals("stop", r.finishReason());
      assertEquals(new Usage(12, 5, 17), r.usage());
      assertEquals("req-123", r.requestId());
    }
    RecordedRequest req = server.takeRequest();
    assertEquals("/v1/chat/completions", req.getUrl().encodedPath());
    assertEquals("Bearer " + KEY, req.getHeaders().get("Authorization"));
    JsonNode body = JSON.readTree(req.getBody().utf8());
    assertEquals("deepseek-chat", body.get("model").asText());
    assertEquals("system", body.get("messages").get(0).get("role").asText());
    assertEquals(0.7, body.get("temperature").asDouble());
    assertEquals(0.9, body.get("top_p").asDouble());
    assertEquals(100, body.get("max_tokens").asInt());
    assertEquals(42, body.get("seed").asLong());
    assertEquals("###", body.get("stop").get(0).asText());
    assertEquals("json_object", body.get("response_format").get("type").asText());
    assertFalse(body.has("stream"));
  }

  @Test
  void asyncCallsCompleteAndCancel() throws Exception {
    // Answers by what was asked, not by arrival order: the cancelled call's server side may or may not take its
    // answer before the next call arrives.
    java.util.concurrent.CountDownLatch slowArrived = new java.util.concurrent.CountDownLatch(1);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody().utf8();
        if (body.contains("\"content\":\"x\"")) {
          return ok(completion("异步"));
        }
        if (body.contains("\"content\":\"y\"")) {
          slowArrived.countDown();
          return new MockResponse.Builder().code(200).body(completion("late")).headersDelay(10, TimeUnit.SECONDS)
              .build();
        }
        return new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build();
      }
    });
    try (ChatClient c = client().build()) {
      assertEquals("异步", c.chatAsync(ChatRequest.of("x")).get().content());
      java.util.concurrent.CompletableFuture<ChatResponse> slow = c.chatAsync(ChatRequest.of("y"));
      slowArrived.await(); // the slow request has reached the server: cancel it mid-flight
      assertTrue(slow.cancel(true));
      assertTrue(slow.isCancelled());
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> c.chatAsync(ChatRequest.of("z")).get());
      assertTrue(e.getCause() instanceof AuthenticationException, e.getCause().toString());
    }
  }

  @Test
  void oneClientServesManyThreads() throws Exception {
    for (int i = 0; i < 16; i++) {
      server.enqueue(ok(completion("ok")));
    }
    try (ChatClient c = client().maxInFlight(4).build()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<String>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          all.add(pool.submit(() -> c.chat(ChatRequest.of("x")).content()));
        }
        for (java.util.concurrent.Future<String> f : all) {
          assertEquals("ok", f.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(16, server.getRequestCount());
  }

  @Test
  void jsonSchemaFormatIsSent() throws Exception {
    server.enqueue(ok(completion("{}")));
    JsonNode schema = JSON.readTree("{\"type\":\"object\"}");
    try (ChatClient c = client().build()) {
      c.chat(ChatRequest.newBuilder().user("x").responseFormat(ResponseFormat.jsonSchema("script", schema)).build());
    }
    JsonNode rf = JSON.readTree(server.takeRequest().getBody().utf8()).get("response_format");
    assertEquals("json_schema", rf.get("type").asText());
    assertEquals("script", rf.get("json_schema").get("name").asText());
    assertTrue(rf.get("json_schema").get("strict").asBoolean());
  }

  static String sse(String... events) {
    StringBuilder sb = new StringBuilder();
    for (String e : events) {
      sb.append(e).append("\n\n");
    }
    return sb.toString();
  }

  static String chunk(String delta) {
    return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + delta + "\"},\"finish_reason\":null}]}";
  }

  @Test
  void streamingHandlesCommentsMultiLineEventsSplitUtf8AndUsage() throws Exception {
    String body = ": keep-alive\n\n"
        + sse(chunk("家人们"), chunk("，今天的"),
            // One event whose JSON spans two data lines.
            "data: {\"choices\":[{\"index\":0,\ndata: \"delta\":{\"content\":\"保温杯🔥\"},\"finish_reason\":null}]}",
            "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6,\"total_tokens\":15}}",
            "data: [DONE]");
    // Seven bytes at a time: every multi-byte character gets split across network reads.
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).throttleBody(7, 1, TimeUnit.MILLISECONDS).build());
    List<String> deltas = new ArrayList<>();
    try (ChatClient c = client().build()) {
      ChatResponse r = c.stream(ChatRequest.of("开场白"), deltas::add);
      assertEquals("家人们，今天的保温杯🔥", r.content());
      assertEquals("stop", r.finishReason());
      assertEquals(new Usage(9, 6, 15), r.usage());
    }
    assertEquals(List.of("家人们", "，今天的", "保温杯🔥"), deltas);
    JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
    assertTrue(sent.get("stream").asBoolean());
    assertTrue(sent.get("stream_options").get("include_usage").asBoolean());
  }

  @Test
  void truncatedStreamKeepsTheTextReceived() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(sse(chunk("家人们"), chunk("今天"))).build());
    try (ChatClient c = client().build()) {
      StreamInterruptedException e = assertThrows(StreamInterruptedException.class,
          () -> c.stream(ChatRequest.of("x"), d -> {}));
      assertEquals("家人们今天", e.partialText());
    }
  }

  @Test
  void errorEventInsideAStreamIsAProviderError() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(sse(chunk("a"), "data: {\"error\":{\"message\":\"overloaded\",\"code\":\"server_busy\"}}")).build());
    try (ChatClient c = client().build()) {
      ProviderException e = assertThrows(ProviderException.class, () -> c.stream(ChatRequest.of("x"), d -> {}));
      assertEquals("server_busy", e.providerCode());
    }
  }

  @Test
  void rateLimitHonoursRetryAfterSecondsThenSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
        .body("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}").build());
    server.enqueue(ok(completion("ok")));
    try (ChatClient c = client().build()) {
      assertEquals("ok", c.chat(ChatRequest.of("x")).content());
    }
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps);
  }

  @Test
  void retryAfterAsHttpDateIsRelativeToTheClock() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(time.millis()).plusSeconds(5).atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", date).body("busy").build());
    server.enqueue(ok(completion("ok")));
    try (ChatClient c = client().build()) {
      c.chat(ChatRequest.of("x"));
    }
    assertEquals(List.of(Duration.ofSeconds(5)), time.sleeps);
  }

  @Test
  void serverErrorsBackOffWithJitterThenSucceed() {
    server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
    server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
    server.enqueue(ok(completion("ok")));
    try (ChatClient c = client().retryBaseDelay(Duration.ofMillis(400)).build()) {
      assertEquals("ok", c.chat(ChatRequest.of("x")).content());
    }
    assertEquals(3, server.getRequestCount());
    assertEquals(2, time.sleeps.size());
    assertTrue(time.sleeps.get(0).toMillis() <= 400, "first wait within base: " + time.sleeps);
    assertTrue(time.sleeps.get(1).toMillis() <= 800, "second wait within 2x base: " + time.sleeps);
  }

  @Test
  void retriesStopAtMaxAttemptsAndTheDeadline() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"down\"}}").build());
    }
    try (ChatClient c = client().maxAttempts(3).build()) {
      ProviderException e = assertThrows(ProviderException.class, () -> c.chat(ChatRequest.of("x")));
      assertEquals(500, e.status());
    }
    assertEquals(3, server.getRequestCount());

    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "20").body("slow down").build());
    try (ChatClient c = client().deadline(Duration.ofSeconds(10)).retryMaxDelay(Duration.ofSeconds(60)).build()) {
      RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.chat(ChatRequest.of("x")));
      assertEquals(Duration.ofSeconds(20), e.retryAfter().orElseThrow());
    }
    assertEquals(4, server.getRequestCount(), "no retry past the deadline");
  }

  @Test
  void aRetryAfterPastTheCallTimeoutIsNotWaitedOut() {
    // A 3 s whole-call timeout (LIVECOMMERCE_LLM_TIMEOUT_SECONDS=3) and a server asking for 30 s: no wait, no retry.
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body("slow down").build());
    try (ChatClient c = client().callTimeout(Duration.ofSeconds(3)).build()) {
      RateLimitedException e = assertThrows(RateLimitedException.class, () -> c.chat(ChatRequest.of("x")));
      assertEquals(Duration.ofSeconds(30), e.retryAfter().orElseThrow());
    }
    assertEquals(List.of(), time.sleeps);
    assertEquals(1, server.getRequestCount());
    // A request's own timeout bounds it the same way.
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("slow down").build());
    try (ChatClient c = client().build()) {
      assertThrows(RateLimitedException.class,
          () -> c.chat(ChatRequest.newBuilder().user("x").timeout(Duration.ofSeconds(1)).build()));
    }
    assertEquals(List.of(), time.sleeps);
    // A wait that fits is still taken.
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").body("slow down").build());
    server.enqueue(ok(completion("ok")));
    try (ChatClient c = client().build()) {
      assertEquals("ok", c.chat(ChatRequest.newBuilder().user("x").timeout(Duration.ofSeconds(5)).build())
          .content());
    }
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps);
  }

  @Test
  void piecesOfTheKeyAreMaskedInErrorsAndAnswers() {
    String piece = KEY.substring(3, 15); // "live-4f9a2c7" : twelve characters of the key, not all of it
    server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":{\"message\":\"bad key fragment " + piece + " in request\"}}").build());
    try (ChatClient c = client().build()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> c.chat(ChatRequest.of("x")));
      assertFalse(e.getMessage().contains(piece.substring(0, 8)), e.getMessage());
      assertTrue(e.getMessage().contains("bad key fragment ************ in request"), e.getMessage());
    }
    server.enqueue(ok(completion("你的密钥是 " + KEY + "，片段 " + piece + "，短的 sk-live 没关系")));
    try (ChatClient c = client().build()) {
      String answer = c.chat(ChatRequest.of("x")).content();
      assertFalse(answer.contains(KEY.substring(0, 8)) || answer.contains(piece.substring(4)), answer);
      assertTrue(answer.contains("短的 sk-live 没关系"), "seven characters of it are ordinary text: " + answer);
    }
  }

  @Test
  void aRedirectToAnotherOriginIsRefusedAndThePromptStaysHome() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      String target = elsewhere.url("/v1/chat/completions").toString();
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", target).build());
      try (ChatClient c = client().build()) {
        ProviderException e = assertThrows(ProviderException.class, () -> c.chat(ChatRequest.of("新品定价 89 元")));
        assertTrue(e.getMessage().contains("another origin") && e.getMessage().contains("crossOriginRedirects"),
            e.getMessage());
      }
      assertEquals(1, server.getRequestCount(), "not retried");
      assertEquals(0, elsewhere.getRequestCount(), "the prompt never went there");
      // Allowed: followed with the body, but never with the key.
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", target).build());
      elsewhere.enqueue(ok(completion("ok")));
      try (ChatClient c = client().crossOriginRedirects(true).build()) {
        assertEquals("ok", c.chat(ChatRequest.of("新品定价 89 元")).content());
      }
      RecordedRequest there = elsewhere.takeRequest();
      assertTrue(there.getBody().utf8().contains("新品定价"), "307 keeps the body");
      assertEquals(null, there.getHeaders().get("Authorization"));
    }
    // Within the origin a 307 is followed as before.
    server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/v2/chat/completions").build());
    server.enqueue(ok(completion("same origin")));
    try (ChatClient c = client().build()) {
      assertEquals("same origin", c.chat(ChatRequest.of("x")).content());
    }
  }

  @Test
  void unauthorizedIsNotRetriedAndTheKeyNeverLeaks() {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req-9")
        .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"code\":\"invalid_api_key\"}}")
        .build());
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    AuthenticationException e;
    ChatClient c = client().build();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      e = assertThrows(AuthenticationException.class, () -> c.chat(ChatRequest.of("x")));
    } finally {
      System.setErr(err);
      c.close();
    }
    assertEquals(1, server.getRequestCount());
    assertEquals(401, e.status());
    assertEquals("invalid_api_key", e.providerCode());
    assertEquals("req-9", e.requestId());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertTrue(logs.contains("/v1/chat/completions -> 401"), "logs were captured: " + logs);
    assertFalse(logs.contains(KEY), logs);
    assertFalse(c.toString().contains(KEY));
  }

  @Test
  void badRequestCarriesTheProvidersMessage() {
    server.enqueue(new MockResponse.Builder().code(400)
        .body("{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\"}}").build());
    try (ChatClient c = client().build()) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> c.chat(ChatRequest.of("x")));
      assertTrue(e.getMessage().contains("max_tokens is too large"), e.getMessage());
      assertEquals("invalid_request_error", e.providerCode());
    }
  }

  @Test
  void malformedJsonIsReported() {
    server.enqueue(ok("{\"choices\": [ not json"));
    try (ChatClient c = client().build()) {
      assertThrows(MalformedResponseException.class, () -> c.chat(ChatRequest.of("x")));
    }
    server.enqueue(ok("{\"choices\": []}"));
    try (ChatClient c = client().build()) {
      assertThrows(MalformedResponseException.class, () -> c.chat(ChatRequest.of("x")));
    }
  }

  @Test
  void slowBodyTimesOut() {
    server.enqueue(new MockResponse.Builder().code(200).body(completion("late"))
        .bodyDelay(5, TimeUnit.SECONDS).build());
    try (ChatClient c = client().readTimeout(Duration.ofMillis(150)).build()) {
      assertThrows(LlmTimeoutException.class, () -> c.chat(ChatRequest.of("x")));
    }
  }

  @Test
  void personalDataIsRedactedBeforeSendingAndRestoredInTheAnswer() throws Exception {
    server.enqueue(ok(completion("好的，我们会联系 [PHONE_1] 确认地址。")));
    try (ChatClient c = client().redactPii(true).build()) {
      ChatResponse r = c.chat(ChatRequest.of("我的电话是13800138000，帮我写个回复"));
      assertEquals("好的，我们会联系 13800138000 确认地址。", r.content());
    }
    String sent = server.takeRequest().getBody().utf8();
    assertFalse(sent.contains("13800138000"), sent);
    assertTrue(sent.contains("[PHONE_1]"), sent);
  }

  @Test
  void eachMessageIsRedactedOnItsOwnWithOneNumberingEvenWithANulInside() throws Exception {
    // Messages were joined with U+0000 for one redaction and split back: a NUL in a message shifted every later
    // message into the wrong slot.
    server.enqueue(ok(completion("收到 [PHONE_1] 和 [PHONE_2]")));
    try (ChatClient c = client().redactPii(true).build()) {
      ChatResponse r = c.chat(ChatRequest.newBuilder().system("规则\u0000两段").user("电话 13800138000")
          .user("另一个 13900139000，还是 13800138000").build());
      assertEquals("收到 13800138000 和 13900139000", r.content());
    }
    JsonNode messages = new ObjectMapper().readTree(server.takeRequest().getBody().utf8()).get("messages");
    assertEquals(3, messages.size());
    assertEquals("规则\u0000两段", messages.get(0).get("content").asText());
    assertEquals("电话 [PHONE_1]", messages.get(1).get("content").asText());
    assertEquals("另一个 [PHONE_2]，还是 [PHONE_1]", messages.get(2).get("content").asText());
  }

  @Test
  void environmentConfigurationAndBuilderValidation() {
    assertTrue(ChatClient.fromEnvironment(k -> null).isEmpty());
    ChatClient c = ChatClient.fromEnvironment(k -> switch (k) {
      case "LIVECOMMERCE_LLM_BASE_URL" -> "http://localhost:11434/v1";
      case "LIVECOMMERCE_LLM_MODEL" -> "qwen2.5:7b";
      default -> null;
    }).orElseThrow();
    assertEquals("qwen2.5:7b", c.model());
    assertTrue(c.toString().contains("redactPii=false"), "local servers are not redacted: " + c);
    c.close();
    assertThrows(IllegalStateException.class, () -> ChatClient.newBuilder().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatClient.newBuilder().baseUrl("ftp://x"));
    assertTrue(e.getMessage().contains("baseUrl"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChatClient.newBuilder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> ChatRequest.newBuilder().temperature(3));
    assertThrows(IllegalArgumentException.class, () -> ChatRequest.newBuilder().build());
  }
}
