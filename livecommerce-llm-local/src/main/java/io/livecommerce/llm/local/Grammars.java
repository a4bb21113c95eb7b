package io.livecommerce.llm.local;

import de.kherud.llama.LlamaModel;
import io.livecommerce.llm.ResponseFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The llama.cpp grammar (GBNF) of a response format: a JSON schema through llama.cpp's own converter, any JSON
 * object through the schema of an object. Converted grammars are cached by schema text. Thread-safe.
 */
final class Grammars {

  private static final String ANY_OBJECT = "{\"type\":\"object\"}";
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Grammars() {}

  /** The grammar, or null for plain text. */
  static String of(ResponseFormat format) {
    if (format == null || format.type().equals("text")) {
      return null;
    }
    String schema = format.type().equals("json_schema") ? format.schema().toString() : ANY_OBJECT;
    return CACHE.computeIfAbsent(schema, s -> {
      try {
        return LlamaModel.jsonSchemaToGrammar(s);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("responseFormat schema cannot be turned into a grammar: "
            + e.getMessage(), e);
      }
    });
  }
}
