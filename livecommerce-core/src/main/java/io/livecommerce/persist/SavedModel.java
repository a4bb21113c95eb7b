package io.livecommerce.persist;

import io.livecommerce.internal.Checks;
import java.util.Map;

/**
 * A model read from a file with the provenance it was saved with. Immutable and thread-safe if the model is.
 *
 * @param model the model
 * @param provenance what the file says about how the model was made; empty for files of format 1
 */
public record SavedModel<T>(T model, Map<String, String> provenance) {

  /** Copies the provenance. */
  public SavedModel {
    Checks.notNull(model, "model");
    provenance = Map.copyOf(Checks.notNull(provenance, "provenance"));
  }
}
