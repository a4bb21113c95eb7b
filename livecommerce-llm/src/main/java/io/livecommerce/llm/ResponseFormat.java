package io.livecommerce.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.livecommerce.internal.Checks;

/**
 * The {@code response_format} of a chat request: plain text, any JSON object, or JSON matching a schema.
 *
 * <p>Immutable and thread-safe (the schema node must not be mutated after use).
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param name the schema's name (json_schema only)
 * @param schema the JSON schema (json_schema only)
 */
public record ResponseFormat(String type, String name, JsonNode schema) {

  /** Plain text (the API default). */
  public static final ResponseFormat TEXT = new ResponseFormat("text", null, null);
  /** Any JSON object. */
  public static final ResponseFormat JSON_OBJECT = new ResponseFormat("json_object", null, null);

  /** Validates the components. */
  public ResponseFormat {
    Checks.notBlank(type, "type");
    if (type.equals("json_schema")) {
      Checks.notBlank(name, "name");
      Checks.notNull(schema, "schema");
    }
  }

  /** JSON matching {@code schema}, with strict adherence where the provider supports it. */
  public static ResponseFormat jsonSchema(String name, JsonNode schema) {
    return new ResponseFormat("json_schema", name, schema);
  }
}
