package io.livecommerce.facade;

import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.script.TemplateScriptGenerator;
import io.livecommerce.spi.ScriptGeneratorProvider;
import io.livecommerce.spi.TextEmbedderProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the SDK chooses an embedder and a script generator from what is on the class path (or module path):
 * {@link LiveCommerce}, the Spring Boot auto-configuration, the CLI and the Spark jobs all ask here.
 *
 * <ul>
 *   <li>{@link #embedder(String) embedder("auto")}: the highest-priority {@link TextEmbedderProvider} (the bundled
 *       bge-small-zh when {@code livecommerce-embedding} is present), else {@link HashingTextEmbedder};
 *   <li>{@code embedder("hashing")}: the hashing embedder; any other name: the provider that lists it in {@link
 *       TextEmbedderProvider#names()} ({@code bge-small-zh}, {@code all-minilm-l6} with {@code
 *       livecommerce-embedding});
 *   <li>{@link #embedderName(String, Collection) embedderName("auto", texts)}: the name that provider prefers for
 *       those texts ({@code all-minilm-l6} for English, {@code bge-small-zh} for Chinese), for callers that know
 *       what they will embed;
 *   <li>{@link #scriptGenerator()}: the highest-priority configured {@link ScriptGeneratorProvider} (a local GGUF
 *       model when {@code LIVECOMMERCE_LLM_GGUF} is set and {@code livecommerce-llm-local} is present), else the
 *       offline {@link TemplateScriptGenerator}.
 * </ul>
 *
 * <p>Stateless and thread-safe; providers are looked up on each call, and nothing is loaded until created.
 */
public final class Backends {

  /** The highest-priority embedder on the class path, else the hashing embedder. */
  public static final String AUTO = "auto";
  /** The hashing embedder: lexical, no model files. */
  public static final String HASHING = "hashing";

  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

  private Backends() {}

  /** {@code auto}, every name the providers on the class path offer, and {@code hashing}. */
  public static List<String> embedderNames() {
    return names(embedderProviders());
  }

  private static List<String> names(List<TextEmbedderProvider> providers) {
    List<String> names = new ArrayList<>();
    names.add(AUTO);
    for (TextEmbedderProvider p : providers) {
      names.addAll(p.names());
    }
    names.add(HASHING);
    return List.copyOf(names);
  }

  /**
   * A new embedder by name (case-insensitive); the caller closes it.
   *
   * @throws IllegalArgumentException if no provider on the class path makes an embedder of that name; the message
   *     lists the names there are
   */
  public static TextEmbedder embedder(String name) {
    String n = Checks.notBlank(name, "name").trim().toLowerCase(Locale.ROOT);
    if (n.equals(HASHING)) {
      return HashingTextEmbedder.create();
    }
    List<TextEmbedderProvider> providers = embedderProviders();
    if (n.equals(AUTO)) {
      Optional<TextEmbedderProvider> best = highestPriority(providers);
      if (best.isPresent()) {
        LOG.debug("default embedder: {}", best.get().name());
        return best.get().create();
      }
      LOG.info("no embedding module on the class path; using HashingTextEmbedder (lexical, not semantic)");
      return HashingTextEmbedder.create();
    }
    for (TextEmbedderProvider p : providers) {
      if (p.names().contains(n)) {
        return p.create(n);
      }
    }
    throw unknownEmbedder(name, providers);
  }

  private static IllegalArgumentException unknownEmbedder(String name, List<TextEmbedderProvider> providers) {
    return new IllegalArgumentException("embedder " + Checks.quote(name) + " is not one of " + names(providers)
        + (providers.isEmpty() ? " (add livecommerce-embedding for the ONNX models)" : ""));
  }

  /**
   * The embedder {@code name} stands for when it is to embed {@code texts}; pass the result to {@link
   * #embedder(String)}. For {@code auto}: the name the highest-priority provider prefers for these texts ({@link
   * TextEmbedderProvider#nameFor}; with {@code livecommerce-embedding}, {@code all-minilm-l6} when fewer than one in
   * ten texts has a Chinese character, else {@code bge-small-zh}), or {@code auto} when it has no preference, or
   * {@code hashing} without a provider. Any other name comes back trimmed and in lower case.
   *
   * @param texts the texts the embedder will embed; not null, may hold nulls (ignored)
   * @throws IllegalArgumentException if {@code name} is blank or no embedder has that name; the message lists the
   *     names there are
   */
  public static String embedderName(String name, Collection<String> texts) {
    String n = Checks.notBlank(name, "name").trim().toLowerCase(Locale.ROOT);
    Checks.notNull(texts, "texts");
    List<TextEmbedderProvider> providers = embedderProviders();
    if (!n.equals(AUTO)) {
      if (!names(providers).contains(n)) {
        throw unknownEmbedder(name, providers);
      }
      return n;
    }
    Optional<TextEmbedderProvider> best = highestPriority(providers);
    if (best.isEmpty()) {
      return HASHING;
    }
    TextEmbedderProvider p = best.get();
    String chosen = p.nameFor(texts).filter(p.names()::contains).orElse(AUTO);
    LOG.debug("auto embedder for {} texts: {}", texts.size(), chosen);
    return chosen;
  }

  /**
   * A new script generator: the highest-priority provider that is configured (priority above {@code
   * Integer.MIN_VALUE}), else the offline {@link TemplateScriptGenerator}.
   */
  public static ScriptGenerator scriptGenerator() {
    return loadable(ScriptGeneratorProvider.class).stream()
        .filter(p -> p.priority() != Integer.MIN_VALUE) // not configured, e.g. no GGUF file named
        .max(Comparator.comparingInt(ScriptGeneratorProvider::priority))
        .map(p -> {
          LOG.debug("default script generator: {}", p.name());
          return p.create();
        })
        .orElseGet(TemplateScriptGenerator::create);
  }

  private static Optional<TextEmbedderProvider> highestPriority(List<TextEmbedderProvider> providers) {
    return providers.stream().max(Comparator.comparingInt(TextEmbedderProvider::priority));
  }

  private static List<TextEmbedderProvider> embedderProviders() {
    return loadable(TextEmbedderProvider.class);
  }

  /** The providers that load; one listed in META-INF/services whose class is missing is skipped with a warning. */
  private static <S> List<S> loadable(Class<S> type) {
    List<S> out = new ArrayList<>();
    Iterator<S> it = ServiceLoader.load(type).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return out;
        }
        out.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.warn("skipping a {} that does not load: {}", type.getSimpleName(), e.getMessage());
      }
    }
  }
}
