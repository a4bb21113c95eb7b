package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.math.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;

/**
 * Embeddings from an OpenAI-compatible {@code POST {baseUrl}/embeddings} endpoint, sent in batches through a
 * {@link ChatClient}'s HTTP stack (same retries, timeouts, key handling). Vectors are L2-normalized.
 *
 * <p>Unlike the in-process embedders this sends text to a provider; PII redaction does not apply here, so pass only
 * catalogue text. Thread-safe. {@link #close()} does not close the client.
 */
public final class HttpTextEmbedder implements TextEmbedder {

  private final ChatClient client;
  private final String model;
  private final int batchSize;
  private volatile int dimension;
  private volatile boolean closed;

  private HttpTextEmbedder(Builder b) {
    this.client = b.client;
    this.model = b.model;
    this.batchSize = b.batchSize;
    this.dimension = b.dimension;
  }

  /** A builder; a client and a model are required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The vector length: as configured, else learned from the first answer (one request if none was made yet). */
  @Override
  public int dimension() {
    if (dimension == 0) {
      embed("dimension probe");
    }
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    Checks.notBlank(text, "text");
    return embedAll(List.of(text)).get(0);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    Checks.notNull(texts, "texts");
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isBlank()) {
        throw new IllegalArgumentException("texts[" + i + "] must not be null or blank");
      }
    }
    if (closed) {
      throw new IllegalStateException("HttpTextEmbedder is closed");
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      out.addAll(batch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
    }
    return out;
  }

  private List<float[]> batch(List<String> texts) {
    ObjectNode body = HttpTransport.JSON.createObjectNode();
    body.put("model", model);
    ArrayNode input = body.putArray("input");
    texts.forEach(input::add);
    try (Response r = client.transport().execute("embeddings", body)) {
      String requestId = ErrorMapper.requestId(r);
      JsonNode data = client.transport().parse(client.transport().readLimited(r, requestId), requestId).get("data");
      if (data == null || !data.isArray() || data.size() != texts.size()) {
        throw new MalformedResponseException("expected " + texts.size() + " embeddings in \"data\"", r.code(), "",
            requestId, null);
      }
      float[][] vectors = new float[texts.size()][];
      for (JsonNode item : data) {
        int index = item.path("index").asInt(-1);
        JsonNode emb = item.get("embedding");
        if (index < 0 || index >= texts.size() || emb == null || !emb.isArray() || emb.isEmpty()) {
          throw new MalformedResponseException("malformed embedding item", r.code(), "", requestId, null);
        }
        float[] v = new float[emb.size()];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) emb.get(j).asDouble();
        }
        if (dimension == 0) {
          dimension = v.length;
        } else if (v.length != dimension) {
          throw new MalformedResponseException("embedding has " + v.length + " dimensions, expected " + dimension,
              r.code(), "", requestId, null);
        }
        vectors[index] = Vectors.normalizeInPlace(v);
      }
      return List.of(vectors);
    } catch (IOException e) {
      throw client.transport().errors().fromIo(e, "embedding request");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String identity() {
    return "http:" + model; // no dimension: asking for it would call the server
  }

  @Override
  public String toString() {
    return "HttpTextEmbedder{model=" + model + ", client=" + client + "}";
  }

  /** Builds an {@link HttpTextEmbedder}. Not thread-safe. */
  public static final class Builder {
    private ChatClient client;
    private String model;
    private int batchSize = 64;
    private int dimension;

    private Builder() {}

    /** The client whose HTTP stack and key to use; required. */
    public Builder client(ChatClient client) {
      this.client = Checks.notNull(client, "client");
      return this;
    }

    /** The embedding model, e.g. {@code text-embedding-v3}; required. */
    public Builder model(String model) {
      this.model = Checks.notBlank(model, "model");
      return this;
    }

    /** Texts per request, in [1, 2048]; default 64. */
    public Builder batchSize(int n) {
      this.batchSize = Checks.inRange(n, 1, 2048, "batchSize");
      return this;
    }

    /** The vector length if known (saves a probe request). */
    public Builder dimension(int dimension) {
      this.dimension = Checks.positive(dimension, "dimension");
      return this;
    }

    /**
     * Builds the embedder.
     *
     * @throws IllegalStateException if the client or model is missing
     */
    public HttpTextEmbedder build() {
      if (client == null || model == null) {
        throw new IllegalStateException("client and model are required");
      }
      return new HttpTextEmbedder(this);
    }
  }
}
