package io.livecommerce.llm;

import static io.livecommerce.llm.ChatClientTest.chunk;
import static io.livecommerce.llm.ChatClientTest.completion;
import static io.livecommerce.llm.ChatClientTest.ok;
import static io.livecommerce.llm.ChatClientTest.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole-call deadline, the response size cap, environment errors, and streaming with redaction on. */
class ChatClientLimitsTest {

  MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ChatClient.Builder client() {
    return ChatClient.newBuilder().baseUrl(server.url("/v1").toString()).apiKey("sk-test-123456").model("m")
        .redactPii(false).maxAttempts(1);
  }

  /** A server that sends one byte every 20 ms (a 100-byte body takes 2 s): the read timeout never trips. */
  MockResponse trickle(String body, String type) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", type).body(body)
        .throttleBody(1, 20, TimeUnit.MILLISECONDS).build();
  }

  @Test
  void aTricklingStreamEndsAtTheCallDeadline() {
    String body = sse(chunk("家人们好"), "data: [DONE]");
    server.enqueue(trickle(body, "text/event-stream"));
    List<String> deltas = new ArrayList<>();
    try (ChatClient c = client().readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMillis(300)).build()) {
      LlmTimeoutException e = assertThrows(LlmTimeoutException.class,
          () -> c.stream(ChatRequest.of("x"), deltas::add));
      assertTrue(e.getMessage().contains("deadline") || e.getMessage().contains("timed out"), e.getMessage());
    }
    assertTrue(deltas.isEmpty(), "the one event never completed");
  }

  @Test
  void aRequestsOwnTimeoutBoundsAPlainCallWhenTheClientHasNone() {
    server.enqueue(trickle(completion("好"), "application/json"));
    try (ChatClient c = client().readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ZERO).build()) {
      ChatRequest r = ChatRequest.newBuilder().user("x").timeout(Duration.ofMillis(300)).build();
      assertThrows(LlmTimeoutException.class, () -> c.chat(r));
    }
  }

  @Test
  void anOversizedAnswerIsRefusedNotReadWhole() {
    server.enqueue(ok(completion("好".repeat(2000))));
    try (ChatClient c = client().maxResponseBytes(1024).build()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> c.chat(ChatRequest.of("x")));
      assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }
    // A stream that is one endless line without a line end.
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body("data: " + "x".repeat(5000)).build());
    try (ChatClient c = client().maxResponseBytes(1024).build()) {
      assertThrows(ResponseTooLargeException.class, () -> c.stream(ChatRequest.of("x"), d -> { }));
    }
    assertThrows(IllegalArgumentException.class, () -> client().maxResponseBytes(10));
  }

  @Test
  void streamingRestoresPlaceholdersSplitAcrossChunks() throws Exception {
    String body = sse(chunk("好的，我们会联系 [PHO"), chunk("NE_1"), chunk("] 确认，"), chunk("邮箱[EMAIL_1]。"),
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}", "data: [DONE]");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).throttleBody(5, 1, TimeUnit.MILLISECONDS).build());
    List<String> deltas = new ArrayList<>();
    try (ChatClient c = client().redactPii(true).build()) {
      ChatResponse r = c.stream(ChatRequest.of("电话13800138000，邮箱 li.si@example.com，写个回复"), deltas::add);
      assertEquals("好的，我们会联系 13800138000 确认，邮箱li.si@example.com。", r.content());
    }
    assertEquals("好的，我们会联系 13800138000 确认，邮箱li.si@example.com。", String.join("", deltas));
    for (String d : deltas) {
      assertFalse(d.contains("[PHO") || d.contains("NE_1") || d.contains("EMAIL_"), "a placeholder leaked: " + d);
    }
    String sent = server.takeRequest().getBody().utf8();
    assertFalse(sent.contains("13800138000") || sent.contains("li.si@example.com"), sent);
  }

  @Test
  void environmentErrorsNameTheVariable() {
    IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
        () -> ChatClient.fromEnvironment(k -> k.equals("LIVECOMMERCE_LLM_BASE_URL") ? "http://localhost:1/v1" : null));
    assertTrue(noModel.getMessage().contains("LIVECOMMERCE_LLM_MODEL"), noModel.getMessage());
    IllegalArgumentException badTimeout = assertThrows(IllegalArgumentException.class,
        () -> ChatClient.fromEnvironment(k -> switch (k) {
          case "LIVECOMMERCE_LLM_BASE_URL" -> "http://localhost:1/v1";
          case "LIVECOMMERCE_LLM_MODEL" -> "m";
          case "LIVECOMMERCE_LLM_TIMEOUT_SECONDS" -> "soon";
          default -> null;
        }));
    assertTrue(badTimeout.getMessage().contains("LIVECOMMERCE_LLM_TIMEOUT_SECONDS")
        && badTimeout.getMessage().contains("soon"), badTimeout.getMessage());
    ChatClient.fromEnvironment(k -> switch (k) {
      case "LIVECOMMERCE_LLM_BASE_URL" -> "http://localhost:1/v1";
      case "LIVECOMMERCE_LLM_MODEL" -> "m";
      case "LIVECOMMERCE_LLM_TIMEOUT_SECONDS" -> "2.5";
      default -> null;
    }).orElseThrow().close();
    assertThrows(IllegalArgumentException.class, () -> ChatRequest.newBuilder().user("x")
        .timeout(Duration.ZERO).build());
  }
}
