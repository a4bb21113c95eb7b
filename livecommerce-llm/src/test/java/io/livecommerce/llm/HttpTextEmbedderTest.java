package io.livecommerce.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livecommerce.math.Vectors;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class HttpTextEmbedderTest {

  @Test
  void batchesOrdersByIndexNormalizesAndRetries() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      FakeTime time = new FakeTime(0);
      server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
      server.enqueue(new MockResponse.Builder().code(200).body(
          "{\"data\":[{\"index\":1,\"embedding\":[0,2]},{\"index\":0,\"embedding\":[3,4]}],\"model\":\"e\"}").build());
      server.enqueue(new MockResponse.Builder().code(200).body(
          "{\"data\":[{\"index\":0,\"embedding\":[1,0]}]}").build());
      try (ChatClient client = ChatClient.newBuilder().baseUrl(server.url("/v1").toString()).model("m")
          .clock(time).sleeper(time).build();
          HttpTextEmbedder e = HttpTextEmbedder.newBuilder().client(client).model("text-embedding-v3").batchSize(2)
              .build()) {
        List<float[]> vs = e.embedAll(List.of("a", "b", "c"));
        assertEquals(2, e.dimension());
        assertEquals(0.6f, vs.get(0)[0], 1e-6);
        assertEquals(1f, vs.get(1)[1], 1e-6);
        assertEquals(1f, Vectors.norm(vs.get(2)), 1e-6);
        assertEquals(1, time.sleeps.size(), "the 503 was retried");
      }
      server.takeRequest();
      var body = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
      assertEquals("text-embedding-v3", body.get("model").asText());
      assertEquals(2, body.get("input").size());
      assertEquals("/v1/embeddings", server.takeRequest().getUrl().encodedPath());
    }
  }

  @Test
  void wrongCountIsMalformed() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());
      try (ChatClient client = ChatClient.newBuilder().baseUrl(server.url("/v1").toString()).model("m").build();
          HttpTextEmbedder e = HttpTextEmbedder.newBuilder().client(client).model("x").build()) {
        assertThrows(MalformedResponseException.class, () -> e.embed("a"));
        assertThrows(IllegalArgumentException.class, () -> e.embed(" "));
      }
    }
  }
}
