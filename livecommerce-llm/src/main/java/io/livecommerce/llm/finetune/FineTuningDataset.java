package io.livecommerce.llm.finetune;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.compliance.Redaction;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.internal.Checks;
import io.livecommerce.llm.ChatMessage;
import io.livecommerce.math.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns past scripts and their outcomes into a chat fine-tuning dataset: the middle step between collecting live
 * texts and generating with a model that learned from the winners.
 *
 * <pre>{@code
 * FineTuningExport export = FineTuningDataset.newBuilder().topFraction(0.2).seed(7).build().export(pastScripts);
 * export.writeTo(Path.of("finetune"));   // train.jsonl, validation.jsonl, summary.json
 * }</pre>
 *
 * <p>For each category, scripts are ranked by the {@link Outcome} (ties: input order) and walked from the best down
 * until the category's quota, {@code ceil(topFraction × scripts in the category)}, is filled. Each script on the
 * way has personal data in it and in its product text replaced by placeholders ({@link PiiRedactor}), is checked
 * against the advertising-law rules and rewritten or dropped ({@link NonCompliantPolicy}), and is skipped when its
 * cosine similarity to an already chosen script (any category) reaches {@link Builder#maxSimilarity}: an anchor who
 * repeats a winning script every night should not teach the model ten times over. The next best script takes a
 * skipped script's place. The chosen examples are shuffled with the seed and split into train and validation.
 *
 * <p>Each example is a system prompt, a user message naming the category and the product, and the script as the
 * assistant's answer, in the {@code {"messages": [...]}} format OpenAI-compatible fine-tuning APIs accept. The
 * fine-tuned model's id then works as any model name in {@link io.livecommerce.llm.script.LlmScriptGenerator}.
 *
 * <p>Immutable and thread-safe when its embedder is.
 */
public final class FineTuningDataset {

  private static final Logger LOG = LoggerFactory.getLogger(FineTuningDataset.class);

  /** The default system prompt of every example. */
  public static final String DEFAULT_SYSTEM_PROMPT = "你是直播带货主播的话术助手。根据商品信息写一段口播话术，"
      + "包括开场、卖点、互动、促单和收尾；遵守《广告法》：不用绝对化用语，不作医疗功效承诺，不制造虚假紧迫感。";

  /** The default user message; {@code {category}} and {@code {product}} are filled in. */
  public static final String DEFAULT_USER_TEMPLATE = "品类：{category}\n商品：{product}\n请写这件商品的直播口播话术。";

  private final double topFraction;
  private final double validationFraction;
  private final long seed;
  private final double maxSimilarity;
  private final Outcome outcome;
  private final NonCompliantPolicy policy;
  private final TextEmbedder embedder;
  private final ComplianceChecker checker;
  private final String systemPrompt;
  private final String userTemplate;

  private FineTuningDataset(Builder b) {
    this.topFraction = b.topFraction;
    this.validationFraction = b.validationFraction;
    this.seed = b.seed;
    this.maxSimilarity = b.maxSimilarity;
    this.outcome = b.outcome;
    this.policy = b.policy;
    this.embedder = b.embedder != null ? b.embedder : HashingTextEmbedder.create();
    this.checker = b.checker;
    this.systemPrompt = b.systemPrompt;
    this.userTemplate = b.userTemplate;
  }

  /** A builder with the defaults: top 20% per category, 10% validation, seed 0, similarity 0.9. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Builds the dataset from {@code scripts}.
   *
   * @throws IllegalArgumentException if {@code scripts} is null, empty, holds a null, or two scripts share an id
   */
  public FineTuningExport export(List<PastScript> scripts) {
    List<PastScript> all = Checks.copyNoNulls(Checks.notNull(scripts, "scripts"), "scripts");
    if (all.isEmpty()) {
      throw new IllegalArgumentException("scripts is empty: nothing to learn from");
    }
    Map<String, Integer> seen = new HashMap<>();
    Map<String, List<Integer>> byCategory = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      Integer before = seen.putIfAbsent(all.get(i).id(), i);
      if (before != null) {
        throw new IllegalArgumentException("scripts[" + i + "] has id " + Checks.quote(all.get(i).id())
            + ", as scripts[" + before + "] does; ids must be unique");
      }
      byCategory.computeIfAbsent(all.get(i).category(), c -> new ArrayList<>()).add(i);
    }
    Tally tally = new Tally();
    List<float[]> chosenVectors = new ArrayList<>();
    List<ChatExample> chosen = new ArrayList<>();
    Map<String, ExportSummary.CategoryCount> perCategory = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> e : byCategory.entrySet()) {
      List<Integer> ranked = new ArrayList<>(e.getValue());
      ranked.sort(Comparator.comparingDouble((Integer i) -> -outcome.of(all.get(i))).thenComparingInt(i -> i));
      int quota = (int) Math.ceil(topFraction * ranked.size() - 1e-9);
      int picked = 0;
      for (int r = 0; r < ranked.size() && picked < quota; r++) {
        PastScript s = all.get(ranked.get(r));
        Cleaned c = clean(s, tally);
        if (c == null) {
          continue;
        }
        float[] v = Vectors.normalize(embedder.embed(c.script));
        if (nearDuplicate(v, chosenVectors)) {
          tally.nearDuplicates++;
          continue;
        }
        chosenVectors.add(v);
        chosen.add(example(s, c));
        picked++;
      }
      if (picked < quota) {
        LOG.info("category {}: {} of {} wanted examples left after cleaning", e.getKey(), picked, quota);
      }
      perCategory.put(e.getKey(), new ExportSummary.CategoryCount(e.getValue().size(), picked));
    }
    List<ChatExample> shuffled = new ArrayList<>(chosen);
    Collections.shuffle(shuffled, new Random(seed));
    int nVal = validationCount(shuffled.size());
    List<ChatExample> validation = List.copyOf(shuffled.subList(0, nVal));
    List<ChatExample> train = List.copyOf(shuffled.subList(nVal, shuffled.size()));
    ExportSummary summary = new ExportSummary(all.size(), perCategory, tally.redacted, tally.rewritten,
        tally.dropped, tally.nearDuplicates, train.size(), validation.size(), tokens(train), tokens(validation),
        settings());
    LOG.debug("fine-tuning export: {}", summary);
    return new FineTuningExport(train, validation, summary);
  }

  private int validationCount(int n) {
    if (validationFraction == 0 || n < 2) {
      return 0;
    }
    return (int) Math.min(n - 1, Math.max(1, Math.round(validationFraction * n)));
  }

  private static long tokens(List<ChatExample> examples) {
    return examples.stream().mapToLong(ChatExample::approxTokens).sum();
  }

  private boolean nearDuplicate(float[] v, List<float[]> chosen) {
    for (float[] c : chosen) {
      if (Vectors.dot(v, c) >= maxSimilarity) {
        return true;
      }
    }
    return false;
  }

  private static final class Tally {
    int redacted;
    int rewritten;
    int dropped;
    int nearDuplicates;
  }

  private record Cleaned(String product, String script) {}

  /** The script and product text without personal data and compliant, or null when the script is dropped. */
  private Cleaned clean(PastScript s, Tally tally) {
    PiiRedactor redactor = PiiRedactor.create();
    Redaction product = redactor.redact(s.productText());
    Redaction script = redactor.redact(s.script());
    if (product.redactedAnything() || script.redactedAnything()) {
      tally.redacted++;
    }
    String text = script.text();
    ComplianceReport report = checker.check(text);
    if (!report.isClean()) {
      String rewritten = policy == NonCompliantPolicy.REWRITE ? checker.rewrite(text) : "";
      // Keep a rewrite only when it checks clean again and kept the bulk of the script.
      if (rewritten.isBlank() || !checker.check(rewritten).isClean() || rewritten.length() * 2 < text.length()) {
        tally.dropped++;
        LOG.debug("script {} dropped: {} compliance finding(s)", s.id(), report.findings().size());
        return null;
      }
      tally.rewritten++;
      text = rewritten;
    }
    // The product text goes into the prompt, not the answer; it still must not carry a banned claim into the file.
    String productText = checker.check(product.text()).isClean() ? product.text() : checker.rewrite(product.text());
    if (productText.isBlank()) {
      tally.dropped++;
      LOG.debug("script {} dropped: nothing of its product text is compliant", s.id());
      return null;
    }
    return new Cleaned(productText, text);
  }

  private ChatExample example(PastScript s, Cleaned c) {
    String user = userTemplate.replace("{category}", s.category().isEmpty() ? "未分类" : s.category())
        .replace("{product}", c.product);
    return new ChatExample(s.id(), List.of(ChatMessage.system(systemPrompt), ChatMessage.user(user),
        ChatMessage.assistant(c.script)));
  }

  private Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topFraction", topFraction);
    m.put("validationFraction", validationFraction);
    m.put("seed", seed);
    m.put("maxSimilarity", maxSimilarity);
    m.put("outcome", outcome.name());
    m.put("nonCompliant", policy.name());
    m.put("embedder", embedder.identity());
    m.put("complianceRules", checker.rules().size());
    return m;
  }

  @Override
  public String toString() {
    return "FineTuningDataset" + settings();
  }

  /** Builds a {@link FineTuningDataset}. Not thread-safe; every setting is checked when set. */
  public static final class Builder {
    private double topFraction = 0.2;
    private double validationFraction = 0.1;
    private long seed;
    private double maxSimilarity = 0.9;
    private Outcome outcome = Outcome.GMV_PER_MINUTE;
    private NonCompliantPolicy policy = NonCompliantPolicy.REWRITE;
    private TextEmbedder embedder;
    private ComplianceChecker checker = ComplianceChecker.bundled();
    private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
    private String userTemplate = DEFAULT_USER_TEMPLATE;

    private Builder() {}

    /** The share of each category's scripts to keep, best first, in (0, 1]; default 0.2. */
    public Builder topFraction(double f) {
      this.topFraction = fraction(f, "topFraction");
      return this;
    }

    /** The share of the chosen examples held out for validation, in [0, 0.5]; default 0.1. */
    public Builder validationFraction(double f) {
      this.validationFraction = Checks.inRange(f, 0, 0.5, "validationFraction");
      return this;
    }

    /** Seeds the train/validation shuffle; default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Scripts at or above this cosine similarity to a chosen one are near-duplicates, in (0, 1]; default 0.9. With
     * the default hashing embedder on the simulator's scripts, an anchor's script repeated with one phrase changed
     * scores 0.96 (median), two different scripts of one anchor 0.42 (median; 95th percentile 0.68, max 0.84).
     */
    public Builder maxSimilarity(double s) {
      this.maxSimilarity = fraction(s, "maxSimilarity");
      return this;
    }

    /** What ranks scripts; default {@link Outcome#GMV_PER_MINUTE}. */
    public Builder outcome(Outcome outcome) {
      this.outcome = Checks.notNull(outcome, "outcome");
      return this;
    }

    /** What happens to non-compliant scripts; default {@link NonCompliantPolicy#REWRITE}. */
    public Builder nonCompliant(NonCompliantPolicy policy) {
      this.policy = Checks.notNull(policy, "nonCompliant");
      return this;
    }

    /** Embeds scripts for near-duplicate detection; default {@link HashingTextEmbedder#create()}. Not closed. */
    public Builder embedder(TextEmbedder embedder) {
      this.embedder = Checks.notNull(embedder, "embedder");
      return this;
    }

    /** Checks and rewrites scripts; default {@link ComplianceChecker#bundled()}. */
    public Builder checker(ComplianceChecker checker) {
      this.checker = Checks.notNull(checker, "checker");
      return this;
    }

    /** The system message of every example; default {@link #DEFAULT_SYSTEM_PROMPT}. */
    public Builder systemPrompt(String prompt) {
      this.systemPrompt = Checks.notBlank(prompt, "systemPrompt");
      return this;
    }

    /**
     * The user message, where {@code {product}} (required) and {@code {category}} are filled in; default
     * {@link #DEFAULT_USER_TEMPLATE}. Use the same wording you will prompt the fine-tuned model with.
     *
     * @throws IllegalArgumentException if it is blank or lacks {@code {product}}
     */
    public Builder userTemplate(String template) {
      Checks.notBlank(template, "userTemplate");
      if (!template.contains("{product}")) {
        throw new IllegalArgumentException("userTemplate must contain {product} but was " + Checks.quote(template));
      }
      this.userTemplate = template;
      return this;
    }

    private static double fraction(double f, String name) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException(name + " must be in (0, 1] but was " + f);
      }
      return f;
    }

    /** Builds the dataset maker. */
    public FineTuningDataset build() {
      return new FineTuningDataset(this);
    }
  }
}
