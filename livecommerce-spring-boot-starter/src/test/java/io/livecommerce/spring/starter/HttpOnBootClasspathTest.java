package io.livecommerce.spring.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.ChatRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * OkHttp 5 needs a Kotlin 2 standard library, and Spring Boot's BOM manages Kotlin: this runs a real chat call on
 * the class path a Boot application gets from the starter, so a downgrade shows here and not in production.
 */
class HttpOnBootClasspathTest {

  @Test
  void aChatCallWorksOnTheStartersClassPath() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      byte[] body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"家人们好\"},"
          + "\"finish_reason\":\"stop\"}],\"model\":\"m\"}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try (ChatClient c = ChatClient.newBuilder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1").model("m").build()) {
      assertThat(c.chat(ChatRequest.newBuilder().user("开场白").build()).content()).isEqualTo("家人们好");
    } finally {
      server.stop(0);
    }
  }
}
