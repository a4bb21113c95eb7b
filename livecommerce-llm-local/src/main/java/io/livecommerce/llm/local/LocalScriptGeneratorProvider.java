package io.livecommerce.llm.local;

import io.livecommerce.llm.LlmEnvironment;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.spi.ScriptGeneratorProvider;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Makes a local model the default script generator of {@link io.livecommerce.facade.LiveCommerce} when the environment
 * variable {@code LIVECOMMERCE_LLM_GGUF} names a GGUF file (and {@code LIVECOMMERCE_LLM_THREADS} optionally the
 * threads); without it this provider never wins over the offline template generator. The model it loads lives as
 * long as the generator (until the JVM exits). Thread-safe (stateless).
 */
public final class LocalScriptGeneratorProvider implements ScriptGeneratorProvider {

  /** The variable naming the GGUF file. */
  public static final String GGUF_VARIABLE = "LIVECOMMERCE_LLM_GGUF";

  private final Function<String, String> env;

  /** Used by {@link java.util.ServiceLoader}: reads the process environment. */
  public LocalScriptGeneratorProvider() {
    this(System::getenv);
  }

  LocalScriptGeneratorProvider(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public int priority() {
    String path = env.apply(GGUF_VARIABLE);
    return path == null || path.isBlank() ? Integer.MIN_VALUE : 20;
  }

  @Override
  public String name() {
    return "local llama.cpp model (" + env.apply(GGUF_VARIABLE) + ")";
  }

  /**
   * Loads the model named by the environment.
   *
   * @throws IllegalArgumentException if the variable is unset, or the file cannot be loaded (see
   *     {@link LocalChatModel.Builder#build})
   */
  @Override
  public ScriptGenerator create() {
    String path = env.apply(GGUF_VARIABLE);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(GGUF_VARIABLE + " is not set");
    }
    LocalChatModel.Builder b = LocalChatModel.newBuilder().gguf(Path.of(path.strip()));
    String threads = env.apply("LIVECOMMERCE_LLM_THREADS");
    if (threads != null && !threads.isBlank()) {
      try {
        b.threads(Integer.parseInt(threads.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("LIVECOMMERCE_LLM_THREADS '" + threads + "' is not a whole number", e);
      }
    }
    LlmEnvironment.timeout(env).ifPresent(b::timeout);
    return LlmScriptGenerator.newBuilder().client(b.build()).jsonSchema(true).build();
  }
}
