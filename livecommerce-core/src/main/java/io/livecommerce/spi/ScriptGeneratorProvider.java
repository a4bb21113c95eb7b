package io.livecommerce.spi;

import io.livecommerce.script.ScriptGenerator;

/**
 * Supplies the default {@link ScriptGenerator} when a module that has one is on the class path (found with
 * {@link java.util.ServiceLoader}). {@code livecommerce-llm} provides its offline template generator this way.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to construct, and be thread-safe.
 */
public interface ScriptGeneratorProvider {

  /** Higher wins when several providers are present. */
  int priority();

  /** A short name for logs. */
  String name();

  /** Creates a new generator. */
  ScriptGenerator create();
}
