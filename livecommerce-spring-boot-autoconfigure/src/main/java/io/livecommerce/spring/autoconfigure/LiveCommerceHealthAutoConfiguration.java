package io.livecommerce.spring.autoconfigure;

import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.script.ScriptGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code livecommerce} health indicator when Actuator is present ({@code management.health.livecommerce.enabled}).
 *
 * <p>Stateless: Spring calls its bean methods once per context; the beans state their own thread-safety.
 */
@AutoConfiguration(after = LiveCommerceAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("livecommerce")
public class LiveCommerceHealthAutoConfiguration {

  /** The indicator. */
  @Bean(name = "livecommerceHealthIndicator")
  @ConditionalOnMissingBean(name = "livecommerceHealthIndicator")
  @ConditionalOnBean(TextEmbedder.class)
  public LiveCommerceHealthIndicator livecommerceHealthIndicator(TextEmbedder embedder,
      ObjectProvider<ScriptGenerator> scripts, LiveCommerceProperties properties) {
    return new LiveCommerceHealthIndicator(embedder, scripts, properties);
  }
}
