package io.livecommerce.spring.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.ComplianceReport;
import io.livecommerce.facade.LiveCommerce;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.math.Vectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring Boot 3.5 application with the starter and a few {@code livecommerce.*} properties: it starts, gets the
 * SDK injected, embeds with the bundled bge-small-zh model, checks a phrase with the bundled and the brand's rules,
 * and Actuator reports health without ever showing the API key.
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
    "livecommerce.embedder.cache-size=1000",
    "livecommerce.compliance.extra-rules=classpath:brand-rules.json",
    "livecommerce.llm.provider=deepseek",
    "livecommerce.llm.api-key=sk-live-0a1b2c3d4e5f",
    "livecommerce.recommender.seed=7",
    "management.endpoints.access.default=read-only",
    "management.endpoints.jmx.exposure.include=health,env",
    "spring.jmx.enabled=true"})
class StarterApplicationTest {

  @Autowired
  LiveCommerce liveCommerce;

  @Autowired
  ComplianceChecker checker;

  @Autowired
  ChatClient chatClient;

  @Autowired
  HealthEndpoint health;

  @Autowired
  EnvironmentEndpoint env;

  @Test
  void embedsASentenceAndChecksAPhrase() {
    float[] cup = liveCommerce.embedder().embed("保温杯 24小时保温");
    float[] flask = liveCommerce.embedder().embed("不锈钢保温壶，长效保温");
    float[] lipstick = liveCommerce.embedder().embed("哑光口红 显白");
    assertThat(cup).hasSize(512);
    assertThat(Vectors.dot(Vectors.normalize(cup), Vectors.normalize(flask)))
        .isGreaterThan(Vectors.dot(Vectors.normalize(cup), Vectors.normalize(lipstick)));

    ComplianceReport r = checker.check("这款保温杯全网最低价，宇宙无敌");
    assertThat(r.findings()).extracting(f -> f.ruleId()).contains("absolute-superlative", "brand-own-claim");
    assertThat(liveCommerce.compliance()).isSameAs(checker);
  }

  @Test
  void healthIsUpAndTheKeyIsNeverShown() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.healthForPath("livecommerce").toString()).contains("bge_small_zh_q")
        .doesNotContain("sk-live-0a1b2c3d4e5f");
    // The property is there, masked (Boot's default for /actuator/env values).
    assertThat(env.environmentEntry("livecommerce.llm.api-key").getProperty().getValue()).isEqualTo("******");
    assertThat(chatClient.toString()).doesNotContain("sk-live-0a1b2c3d4e5f");
    assertThat(chatClient.model()).isEqualTo("deepseek-chat");
  }
}
