package io.livecommerce.llm.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.llm.ChatMessage;
import io.livecommerce.llm.ChatRequest;
import io.livecommerce.llm.ChatResponse;
import io.livecommerce.llm.ResponseFormat;
import io.livecommerce.llm.Usage;
import java.time.Duration;

/**
 * The JSON lines {@link ChildProcessChatModel} and {@link LocalModelProcess} exchange: one request per line to the
 * child; back, zero or more {@code {"delta": ...}} lines and then one {@code {"response": ...}} or
 * {@code {"error": ..., "kind": ...}} line. Stateless and thread-safe. Package-private.
 */
final class ChildProtocol {

  static final ObjectMapper JSON = new ObjectMapper();

  private ChildProtocol() {}

  static String request(ChatRequest r, boolean stream) {
    ObjectNode n = JSON.createObjectNode().put("stream", stream);
    ArrayNode messages = n.putArray("messages");
    for (ChatMessage m : r.messages()) {
      messages.addObject().put("role", m.role().name()).put("content", m.content());
    }
    if (r.temperature() != null) {
      n.put("temperature", r.temperature());
    }
    if (r.topP() != null) {
      n.put("topP", r.topP());
    }
    if (r.maxTokens() != null) {
      n.put("maxTokens", r.maxTokens());
    }
    if (r.seed() != null) {
      n.put("seed", r.seed());
    }
    r.stop().forEach(n.putArray("stop")::add);
    if (r.responseFormat() != null) {
      ObjectNode f = n.putObject("format").put("type", r.responseFormat().type());
      if (r.responseFormat().schema() != null) {
        f.put("name", r.responseFormat().name()).set("schema", r.responseFormat().schema());
      }
    }
    if (r.timeout() != null) {
      n.put("timeoutMillis", r.timeout().toMillis());
    }
    return n.toString();
  }

  static ChatRequest request(JsonNode n) {
    ChatRequest.Builder b = ChatRequest.newBuilder();
    for (JsonNode m : n.path("messages")) {
      b.message(new ChatMessage(ChatMessage.Role.valueOf(m.path("role").asText()), m.path("content").asText()));
    }
    if (n.has("temperature")) {
      b.temperature(n.get("temperature").asDouble());
    }
    if (n.has("topP")) {
      b.topP(n.get("topP").asDouble());
    }
    if (n.has("maxTokens")) {
      b.maxTokens(n.get("maxTokens").asInt());
    }
    if (n.has("seed")) {
      b.seed(n.get("seed").asLong());
    }
    java.util.List<String> stop = new java.util.ArrayList<>();
    n.path("stop").forEach(s -> stop.add(s.asText()));
    if (!stop.isEmpty()) {
      b.stop(stop);
    }
    JsonNode f = n.get("format");
    if (f != null) {
      String type = f.path("type").asText();
      b.responseFormat(switch (type) {
        case "json_object" -> ResponseFormat.JSON_OBJECT;
        case "json_schema" -> ResponseFormat.jsonSchema(f.path("name").asText("schema"), f.get("schema"));
        default -> ResponseFormat.TEXT;
      });
    }
    if (n.has("timeoutMillis")) {
      b.timeout(Duration.ofMillis(n.get("timeoutMillis").asLong()));
    }
    return b.build();
  }

  static String response(ChatResponse r) {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode body = n.putObject("response").put("content", r.content()).put("finishReason", r.finishReason())
        .put("model", r.model()).put("requestId", r.requestId());
    body.putObject("usage").put("prompt", r.usage().promptTokens()).put("completion", r.usage().completionTokens())
        .put("total", r.usage().totalTokens());
    return n.toString();
  }

  static ChatResponse response(JsonNode n) {
    JsonNode u = n.path("usage");
    return new ChatResponse(n.path("content").asText(), n.path("finishReason").asText(),
        new Usage(u.path("prompt").asLong(), u.path("completion").asLong(), u.path("total").asLong()),
        n.path("model").asText(), n.path("requestId").asText());
  }
}
