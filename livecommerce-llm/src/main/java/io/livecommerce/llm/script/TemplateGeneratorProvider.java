package io.livecommerce.llm.script;

import io.livecommerce.script.ScriptGenerator;
import io.livecommerce.spi.ScriptGeneratorProvider;

/**
 * Makes {@link TemplateScriptGenerator} the default script generator of
 * {@link io.livecommerce.facade.LiveCommerce} when this module is on the class path. Thread-safe (stateless).
 */
public final class TemplateGeneratorProvider implements ScriptGeneratorProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public TemplateGeneratorProvider() {}

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public String name() {
    return "template (offline)";
  }

  @Override
  public ScriptGenerator create() {
    return TemplateScriptGenerator.create();
  }
}
