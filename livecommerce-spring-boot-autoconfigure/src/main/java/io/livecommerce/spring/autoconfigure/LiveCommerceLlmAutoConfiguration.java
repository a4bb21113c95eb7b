package io.livecommerce.spring.autoconfigure;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.Provider;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.script.TemplateScriptGenerator;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code livecommerce-llm} present: a {@link ChatClient} when {@code livecommerce.llm.provider} or
 * {@code livecommerce.llm.base-url} is set, and a {@link ScriptGenerator}: an {@link LlmScriptGenerator} over that
 * client, else the offline {@link TemplateScriptGenerator}. A local GGUF model
 * ({@link LiveCommerceLocalModelAutoConfiguration}) wins over both. Beans back off when the application defines
 * its own.
 *
 * <p>Stateless: Spring calls its bean methods once per context; the beans state their own thread-safety.
 */
@AutoConfiguration(after = LiveCommerceLocalModelAutoConfiguration.class)
@ConditionalOnClass(ChatClient.class)
@EnableConfigurationProperties(LiveCommerceProperties.class)
public class LiveCommerceLlmAutoConfiguration {

  /** The chat client for the configured endpoint. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnLlmEndpoint.class)
  public ChatClient chatClient(LiveCommerceProperties properties) {
    LiveCommerceProperties.Llm p = properties.getLlm();
    ChatClient.Builder b = ChatClient.newBuilder();
    if (p.getProvider() != null && !p.getProvider().isBlank()) {
      try {
        b.provider(Provider.valueOf(p.getProvider().trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException notAProvider) {
        throw new IllegalStateException("livecommerce.llm.provider '" + p.getProvider() + "' is not one of "
            + Arrays.toString(Provider.values()));
      }
    }
    if (p.getBaseUrl() != null && !p.getBaseUrl().isBlank()) {
      b.baseUrl(p.getBaseUrl());
    }
    if (p.getApiKey() != null && !p.getApiKey().isBlank()) {
      b.apiKey(p.getApiKey());
    }
    if (p.getModel() != null && !p.getModel().isBlank()) {
      b.model(p.getModel());
    }
    b.connectTimeout(p.getConnectTimeout()).readTimeout(p.getReadTimeout()).callTimeout(p.getCallTimeout())
        .maxAttempts(p.getMaxAttempts());
    if (p.getRedactPii() != null) {
      b.redactPii(p.getRedactPii());
    }
    return b.build();
  }

  /** Scripts from the chat client when there is one, else from the offline template. */
  @Bean
  @ConditionalOnMissingBean
  public ScriptGenerator scriptGenerator(ObjectProvider<ChatClient> client, ObjectProvider<ComplianceChecker> checker) {
    ComplianceChecker c = checker.getIfAvailable(ComplianceChecker::bundled);
    ChatClient chat = client.getIfAvailable();
    if (chat == null) {
      return TemplateScriptGenerator.withChecker(c);
    }
    return LlmScriptGenerator.newBuilder().client(chat).checker(c).build();
  }

  /** True when a provider or a base URL is configured. */
  static final class OnLlmEndpoint extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String provider = context.getEnvironment().getProperty("livecommerce.llm.provider", "");
      String url = context.getEnvironment().getProperty("livecommerce.llm.base-url", "");
      return provider.isBlank() && url.isBlank()
          ? ConditionOutcome.noMatch("neither livecommerce.llm.provider nor livecommerce.llm.base-url is set")
          : ConditionOutcome.match("an LLM endpoint is configured");
    }
  }
}
