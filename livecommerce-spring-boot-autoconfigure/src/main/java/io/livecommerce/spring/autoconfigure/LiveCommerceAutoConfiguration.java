package io.livecommerce.spring.autoconfigure;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceRule;
import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.LiveCommerce;
import io.livecommerce.script.ScriptGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The SDK's core beans: {@link ComplianceChecker} (bundled rules plus {@code livecommerce.compliance.extra-rules}),
 * {@link PiiRedactor}, {@link TextEmbedder} and {@link LiveCommerce} wired to them and to the
 * {@link ScriptGenerator} bean when there is one. Every bean backs off when the application defines its own.
 * Spring closes the embedder and {@code LiveCommerce} with the context.
 *
 * <p>Stateless: Spring calls its bean methods once per context; the beans state their own thread-safety.
 */
@AutoConfiguration(after = {LiveCommerceLlmAutoConfiguration.class})
@EnableConfigurationProperties(LiveCommerceProperties.class)
public class LiveCommerceAutoConfiguration {

  /** The checker with the bundled rules, then each extra rule file in order. */
  @Bean
  @ConditionalOnMissingBean
  public ComplianceChecker complianceChecker(LiveCommerceProperties properties) {
    List<ComplianceRule> extra = new ArrayList<>();
    for (Resource r : properties.getCompliance().getExtraRules()) {
      try (InputStream in = r.getInputStream()) {
        extra.addAll(ComplianceChecker.fromJson(in, r.getDescription()));
      } catch (IOException e) {
        throw new UncheckedIOException("livecommerce.compliance.extra-rules: cannot read " + r.getDescription(), e);
      }
    }
    ComplianceChecker bundled = ComplianceChecker.bundled();
    return extra.isEmpty() ? bundled : bundled.withRules(extra);
  }

  /** The personal-data redactor. */
  @Bean
  @ConditionalOnMissingBean
  public PiiRedactor piiRedactor() {
    return PiiRedactor.create();
  }

  /**
   * The embedder of {@code livecommerce.embedder.*}: the ONNX model when {@code livecommerce-embedding} is present
   * (bge-small-zh by default), else the hashing embedder. Loaded at startup, so a missing model fails fast.
   */
  @Bean
  @ConditionalOnMissingBean
  public TextEmbedder textEmbedder(LiveCommerceProperties properties, ResourceLoader loader) {
    return Embedders.create(properties.getEmbedder(), loader.getClassLoader());
  }

  /** {@code LiveCommerce} over the embedder, checker and script generator beans. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnClass(LiveCommerce.class)
  public LiveCommerce liveCommerce(TextEmbedder embedder, ComplianceChecker checker,
      ObjectProvider<ScriptGenerator> scripts, LiveCommerceProperties properties) {
    LiveCommerce.Builder b = LiveCommerce.newBuilder().embedder(embedder).compliance(checker);
    scripts.ifAvailable(b::scriptGenerator);
    if (properties.getRecommender().getSeed() != null) {
      b.seed(properties.getRecommender().getSeed());
    }
    return b.build();
  }
}
