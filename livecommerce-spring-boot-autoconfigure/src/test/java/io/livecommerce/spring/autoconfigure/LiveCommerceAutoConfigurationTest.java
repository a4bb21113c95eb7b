package io.livecommerce.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livecommerce.compliance.ComplianceChecker;
import io.livecommerce.compliance.PiiRedactor;
import io.livecommerce.embed.HashingTextEmbedder;
import io.livecommerce.embed.TextEmbedder;
import io.livecommerce.facade.LiveCommerce;
import io.livecommerce.llm.ChatClient;
import io.livecommerce.llm.local.LocalChatModel;
import io.livecommerce.llm.local.TestModels;
import io.livecommerce.llm.script.LlmScriptGenerator;
import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.script.TemplateScriptGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in isolated contexts: binding, backing off, optional modules absent, health, closing. */
class LiveCommerceAutoConfigurationTest {

  private static final String KEY = "sk-live-9f8e7d6c5b4a";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LiveCommerceLocalModelAutoConfiguration.class,
          LiveCommerceLlmAutoConfiguration.class, LiveCommerceAutoConfiguration.class,
          LiveCommerceHealthAutoConfiguration.class))
      .withPropertyValues("livecommerce.embedder.type=hashing");

  @Test
  void withoutSettingsEveryCoreBeanIsThereAndScriptsAreOffline() {
    runner.run(ctx -> {
      assertThat(ctx).hasSingleBean(LiveCommerce.class).hasSingleBean(ComplianceChecker.class)
          .hasSingleBean(PiiRedactor.class).hasSingleBean(TextEmbedder.class).doesNotHaveBean(ChatClient.class);
      assertThat(ctx.getBean(TextEmbedder.class)).isInstanceOf(HashingTextEmbedder.class);
      assertThat(ctx.getBean(ScriptGenerator.class)).isInstanceOf(TemplateScriptGenerator.class);
      LiveCommerce lc = ctx.getBean(LiveCommerce.class);
      assertThat(lc.embedder()).isSameAs(ctx.getBean(TextEmbedder.class));
      assertThat(lc.scriptGenerator()).isSameAs(ctx.getBean(ScriptGenerator.class));
      assertThat(lc.compliance().check("全网最低价").isClean()).isFalse();
    });
  }

  @Test
  void llmPropertiesBindToAChatClientAndTheKeyIsNeverShown() {
    runner.withPropertyValues("livecommerce.llm.base-url=http://127.0.0.1:9/v1", "livecommerce.llm.api-key=" + KEY,
        "livecommerce.llm.model=qwen-plus", "livecommerce.llm.call-timeout=30s", "livecommerce.llm.max-attempts=2")
        .run(ctx -> {
          ChatClient client = ctx.getBean(ChatClient.class);
          assertThat(client.model()).isEqualTo("qwen-plus");
          assertThat(client.toString()).doesNotContain(KEY).contains("****");
          assertThat(ctx.getBean(ScriptGenerator.class)).isInstanceOf(LlmScriptGenerator.class);
          LiveCommerceProperties p = ctx.getBean(LiveCommerceProperties.class);
          assertThat(p.getLlm().getCallTimeout()).hasSeconds(30);
          assertThat(p.toString()).doesNotContain(KEY);
          Health h = ctx.getBean(LiveCommerceHealthIndicator.class).health();
          assertThat(h.toString()).doesNotContain(KEY).contains("qwen-plus");
        });
  }

  @Test
  void aProviderPresetWorksAndABadOneFailsNamingTheKey() {
    runner.withPropertyValues("livecommerce.llm.provider=ollama").run(ctx ->
        assertThat(ctx.getBean(ChatClient.class).model()).isEqualTo("qwen2.5:7b"));
    runner.withPropertyValues("livecommerce.llm.provider=nosuch").run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("livecommerce.llm.provider 'nosuch'"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final TextEmbedder EMBEDDER = HashingTextEmbedder.newBuilder().dimension(64).build();
    static final ComplianceChecker CHECKER = ComplianceChecker.of(List.of());

    @Bean
    TextEmbedder myEmbedder() {
      return EMBEDDER;
    }

    @Bean
    ComplianceChecker myChecker() {
      return CHECKER;
    }
  }

  @Test
  void beansBackOffWhenTheApplicationDefinesItsOwn() {
    runner.withUserConfiguration(OwnBeans.class).run(ctx -> {
      assertThat(ctx).hasSingleBean(TextEmbedder.class).hasSingleBean(ComplianceChecker.class);
      LiveCommerce lc = ctx.getBean(LiveCommerce.class);
      assertThat(lc.embedder()).isSameAs(OwnBeans.EMBEDDER);
      assertThat(lc.compliance()).isSameAs(OwnBeans.CHECKER);
      assertThat(lc.compliance().check("全网最低价").isClean()).isTrue();
    });
  }

  @Test
  void extraRuleFilesAreAddedToTheBundledRules() {
    runner.withPropertyValues("livecommerce.compliance.extra-rules=classpath:extra-rules.json").run(ctx -> {
      ComplianceChecker c = ctx.getBean(ComplianceChecker.class);
      assertThat(c.check("这款宇宙无敌").findings()).extracting(f -> f.ruleId()).containsExactly("brand-own-claim");
      assertThat(c.check("全网最低价").isClean()).isFalse();
    });
    runner.withPropertyValues("livecommerce.compliance.extra-rules=classpath:missing.json").run(ctx ->
        assertThat(ctx).getFailure().rootCause().hasMessageContaining("missing.json"));
  }

  @Test
  void missingOptionalModulesDoNotBreakStartup() {
    runner.withClassLoader(new FilteredClassLoader("io.livecommerce.llm", "io.livecommerce.embedding"))
        .withPropertyValues("livecommerce.embedder.type=auto", "livecommerce.llm.provider=deepseek")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed().hasSingleBean(LiveCommerce.class).doesNotHaveBean(ChatClient.class)
              .doesNotHaveBean(ScriptGenerator.class);
          assertThat(ctx.getBean(TextEmbedder.class)).isInstanceOf(HashingTextEmbedder.class);
        });
    runner.withClassLoader(new FilteredClassLoader("io.livecommerce.embedding"))
        .withPropertyValues("livecommerce.embedder.type=onnx")
        .run(ctx -> assertThat(ctx).getFailure().rootCause()
            .hasMessageContaining(
                "livecommerce.embedder.type=onnx but livecommerce-embedding is not on the class path"));
  }

  @Test
  void aGgufPathWithoutTheLocalModuleFallsBackAndSaysSoInHealth() {
    runner.withClassLoader(new FilteredClassLoader("io.livecommerce.llm.local"))
        .withPropertyValues("livecommerce.llm.gguf=/nowhere/model.gguf").run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(ScriptGenerator.class)).isInstanceOf(TemplateScriptGenerator.class);
        });
  }

  @Test
  void aGgufPathLoadsTheLocalModelWhichWinsOverAnApiAndClosesWithTheContext() {
    Path tiny = TestModels.tiny();
    Assumptions.assumeTrue(Files.isRegularFile(tiny), "the shared test model is not at " + tiny.toAbsolutePath());
    LocalChatModel[] model = new LocalChatModel[1];
    runner.withPropertyValues("livecommerce.llm.gguf=" + tiny, "livecommerce.llm.provider=deepseek").run(ctx -> {
      model[0] = ctx.getBean(LocalChatModel.class);
      assertThat(ctx.getBean(ScriptGenerator.class)).isInstanceOf(LlmScriptGenerator.class);
      assertThat(ctx.getBean(ScriptGenerator.class).toString()).contains("tiny-livesales-v3.gguf");
      assertThat(ctx.getBean(LiveCommerceHealthIndicator.class).health().getDetails())
          .containsEntry("scripts", "local model tiny-livesales-v3.gguf");
    });
    assertThrows(IllegalStateException.class, () -> model[0].chat(io.livecommerce.llm.ChatRequest.newBuilder()
        .user("你好").build()));
  }

  @Test
  void healthIsUpWithTheEmbedderAndTheScriptBackend() {
    runner.withConfiguration(AutoConfigurations.of(HealthEndpointAutoConfiguration.class)).run(ctx -> {
      Health h = ctx.getBean(LiveCommerceHealthIndicator.class).health();
      assertThat(h.getStatus()).isEqualTo(Status.UP);
      assertThat(h.getDetails()).containsEntry("scripts", "offline template").containsKey("embedder")
          .containsEntry("dimension", 512);
    });
    runner.withPropertyValues("management.health.livecommerce.enabled=false").run(ctx ->
        assertThat(ctx).doesNotHaveBean(LiveCommerceHealthIndicator.class));
  }

  @Test
  void closingTheContextClosesLiveCommerce() {
    LiveCommerce[] lc = new LiveCommerce[1];
    runner.run(ctx -> lc[0] = ctx.getBean(LiveCommerce.class));
    assertThrows(IllegalStateException.class, () -> lc[0].embedder());
  }
}
