package io.livecommerce.spring.autoconfigure;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.llm.local.LocalChatModel;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.ScriptGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * With {@code livecommerce-llm-local} present and {@code livecommerce.llm.gguf} set: the model loaded in-process
 * ({@link LocalChatModel}, closed with the context) and a script generator over it with grammar-constrained JSON.
 *
 * <p>Stateless: Spring calls its bean methods once per context; the beans state their own thread-safety.
 */
@AutoConfiguration
@ConditionalOnClass(LocalChatModel.class)
@ConditionalOnProperty(prefix = "livecommerce.llm", name = "gguf")
@EnableConfigurationProperties(LiveCommerceProperties.class)
public class LiveCommerceLocalModelAutoConfiguration {

  /** The local model. */
  @Bean
  @ConditionalOnMissingBean
  public LocalChatModel localChatModel(LiveCommerceProperties properties) {
    return LocalChatModel.newBuilder().gguf(properties.getLlm().getGguf())
        .threads(properties.getLlm().getThreads()).build();
  }

  /** Scripts from the local model. */
  @Bean
  @ConditionalOnMissingBean
  public ScriptGenerator scriptGenerator(LocalChatModel model, ObjectProvider<ComplianceChecker> checker) {
    return LlmScriptGenerator.newBuilder().client(model).jsonSchema(true)
        .checker(checker.getIfAvailable(ComplianceChecker::bundled)).build();
  }
}
