package io.livecommerce.examples.cli;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceFinding;
import io.livecommerce.domain.Anchor;
import io.livecommerce.domain.Product;
import io.livecommerce.domain.Promotion;
import io.livecommerce.domain.PromotionType;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.ChatModel;
import io.livecommerce.llm.LlmEnvironment;
import io.livecommerce.llm.local.LocalChatModel;
import io.livecommerce.llm.local.LocalScriptGeneratorProvider;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.Language;
import io.livecommerce.script.LiveScript;
import io.livecommerce.script.ScriptRequest;
import io.livecommerce.script.ScriptSegment;
import io.livecommerce.script.TemplateScriptGenerator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code script}: a live-selling script and its compliance report.
 *
 * <p>Picocli makes one instance per run; not thread-safe.
 */
@Command(name = "script", mixinStandardHelpOptions = true,
    description = "Write a live-selling script and its compliance report. Uses a local GGUF model with --gguf (or "
        + "LIVECOMMERCE_LLM_GGUF), else an LLM API when LIVECOMMERCE_LLM_BASE_URL and LIVECOMMERCE_LLM_MODEL (and "
        + "_API_KEY, _TIMEOUT_SECONDS) are set, else the offline template generator.", footer = ExitCodes.HELP)
public final class ScriptCommand implements Callable<Integer> {
  static final double MAX_PRICE = 1e9;

  @Spec
  CommandSpec spec;

  @Option(names = "--product-title", required = true, description = "The product's title.")
  String title;

  @Option(names = "--product-description", defaultValue = "", description = "The product's description.")
  String description;

  @Option(names = "--category", defaultValue = "", description = "The product's category, e.g. 护肤.")
  String category;

  @Option(names = "--price", description = "Price in yuan, e.g. 89.9; without it the script states no price.")
  Double price;

  @Option(names = "--promotion", description = "The offer, e.g. '领券立减20元'.")
  String promotion;

  @Option(names = "--anchor", description = "The anchor's name (default: 主播, or 'your host' with --language en).")
  String anchor;

  @Option(names = "--language", defaultValue = "zh", description = "zh or en (default: zh).")
  String language;

  @Option(names = "--seconds", defaultValue = "180", description = "Target length in seconds, in [10, 3600] "
      + "(default: 180).")
  int seconds;

  @Option(names = "--gguf", paramLabel = "FILE", description = "A local GGUF chat model run with llama.cpp in this "
      + "process, offline (default: LIVECOMMERCE_LLM_GGUF if set).")
  java.nio.file.Path gguf;

  @Option(names = "--threads", description = "CPU threads for the local model, in [1, 256] (default: half the "
      + "cores).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "42", description = "Sampling seed of a language model; the same seed "
      + "gives the same script from a local model (default: 42).")
  long seed;

  @Override
  public Integer call() {
    if (price != null && !(price >= 0 && price <= MAX_PRICE)) {
      throw new IllegalArgumentException("--price must be a number of yuan in [0, 1e9] but was " + price);
    }
    if (seconds < 10 || seconds > 3600) {
      throw new IllegalArgumentException("--seconds must be in [10, 3600] but was " + seconds);
    }
    Language lang = switch (language.toLowerCase(Locale.ROOT)) {
      case "zh" -> Language.ZH;
      case "en" -> Language.EN;
      default -> throw new IllegalArgumentException("--language '" + language + "' is not one of zh, en");
    };
    long cents = price == null ? 0 : Math.round(price * 100);
    Product p = new Product("cli-product", title, description, category, "", cents, Map.of());
    String name = anchor != null ? anchor : lang == Language.ZH ? "主播" : "your host";
    ScriptRequest.Builder req = ScriptRequest.newBuilder().product(p).anchor(Anchor.of("cli-anchor", name))
        .language(lang).targetSeconds(seconds).mentionPrices(price != null);
    if (promotion != null && !promotion.isBlank()) {
      req.promotion(new Promotion("cli-promotion", promotion, PromotionType.COUPON, 0, 600, category, 0));
    }
    String fromEnv = System.getenv(LocalScriptGeneratorProvider.GGUF_VARIABLE);
    java.nio.file.Path local = gguf != null ? gguf
        : fromEnv != null && !fromEnv.isBlank() ? java.nio.file.Path.of(fromEnv.strip()) : null;
    Optional<ChatModel> llm;
    if (local != null) {
      LocalChatModel.Builder b = LocalChatModel.newBuilder().gguf(local);
      LlmEnvironment.timeout(System::getenv).ifPresent(b::timeout);
      if (threads != null) {
        b.threads(threads);
      }
      llm = Optional.of(b.build());
    } else {
      llm = ChatClient.fromEnvironment().map(c -> c);
    }
    LiveScript script;
    try {
      script = llm.isPresent()
          ? LlmScriptGenerator.newBuilder().client(llm.get()).jsonSchema(local != null).seed(seed).build()
              .generate(req.build())
          : TemplateScriptGenerator.create().generate(req.build());
    } finally {
      llm.ifPresent(ChatModel::close);
    }
    PrintWriter w = spec.commandLine().getOut();
    for (ScriptSegment s : script.segments()) {
      w.printf(Locale.ROOT, "[%s %ds] %s%n", s.kind(), s.seconds(), s.text());
    }
    w.println();
    int total = script.totalSeconds();
    if (Math.abs(total - seconds) > 0.25 * seconds) {
      // A model's timing plan is its own; a plan far from --seconds should not pass unseen.
      w.printf(Locale.ROOT, "length: the segments add up to %d s, asked for %d s%n", total, seconds);
    }
    w.println("compliance: " + (script.compliance().isClean() ? "clean"
        : script.compliance().findings().size() + " finding(s)"));
    for (ComplianceFinding f : script.compliance().findings()) {
      w.println("  " + CheckComplianceCommand.json(f));
    }
    // The generator rewrites what the caller's own text carried in; say so, so nothing they passed changes unseen.
    Map<String, String> given = new java.util.LinkedHashMap<>();
    given.put("--product-title", title);
    given.put("--product-description", description);
    given.put("--promotion", promotion);
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      List<ComplianceFinding> own = ComplianceChecker.bundled().check(e.getValue()).findings();
      if (!own.isEmpty()) {
        w.println("your " + e.getKey() + " itself has " + own.size() + " finding(s):");
        own.forEach(f -> w.println("  " + CheckComplianceCommand.json(f)));
      }
    }
    // A script that still breaks a rule must not look like success to a pipeline that checks the exit code.
    return script.compliance().isClean() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
