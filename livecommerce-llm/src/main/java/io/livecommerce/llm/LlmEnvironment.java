package io.livecommerce.llm;

import io.livecommerce.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code LIVECOMMERCE_LLM_*} environment variables, read in one place: {@link ChatClient#fromEnvironment} and
 * {@code livecommerce-llm-local}'s script generator both take the deadline from here. Stateless and thread-safe.
 */
public final class LlmEnvironment {

  /** The OpenAI-compatible API's base URL. */
  public static final String BASE_URL = "LIVECOMMERCE_LLM_BASE_URL";
  /** The API key (never logged). */
  public static final String API_KEY = "LIVECOMMERCE_LLM_API_KEY";
  /** The model name the server expects. */
  public static final String MODEL = "LIVECOMMERCE_LLM_MODEL";
  /** The whole-call deadline in seconds, for an API or a local model. */
  public static final String TIMEOUT_SECONDS = "LIVECOMMERCE_LLM_TIMEOUT_SECONDS";

  private LlmEnvironment() {}

  /**
   * {@link #TIMEOUT_SECONDS} as a duration, empty when it is not set.
   *
   * @throws IllegalArgumentException if it is set but not a number of seconds in (0, 86400]; the message names the
   *     variable and its value
   */
  public static Optional<Duration> timeout(Function<String, String> env) {
    Checks.notNull(env, "env");
    String t = env.apply(TIMEOUT_SECONDS);
    if (t == null || t.isBlank()) {
      return Optional.empty();
    }
    double seconds;
    try {
      seconds = Double.parseDouble(t.strip());
    } catch (NumberFormatException e) {
      seconds = Double.NaN;
    }
    if (!(seconds > 0) || seconds > 86_400) {
      throw new IllegalArgumentException(TIMEOUT_SECONDS + " must be a number of seconds in (0, 86400] but was "
          + Checks.quote(t));
    }
    return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
