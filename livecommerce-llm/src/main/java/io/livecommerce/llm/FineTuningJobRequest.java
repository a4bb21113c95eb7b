package io.livecommerce.llm;

import io.livecommerce.internal.Checks;

/**
 * What to fine-tune: files, base model and the few settings providers share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trainingFile the uploaded training file's id
 * @param validationFile the uploaded validation file's id, or empty
 * @param model the base model, or empty for the client's model
 * @param suffix up to 64 characters the provider puts into the fine-tuned model's name, or empty
 * @param seed the provider's training seed, or null for its choice
 * @param epochs passes over the training file, or null for the provider's choice
 */
public record FineTuningJobRequest(String trainingFile, String validationFile, String model, String suffix, Long seed,
    Integer epochs) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException naming the component and its value when one is invalid
   */
  public FineTuningJobRequest {
    Checks.notBlank(trainingFile, "trainingFile");
    validationFile = Checks.orEmpty(validationFile);
    model = Checks.orEmpty(model);
    suffix = Checks.orEmpty(suffix);
    if (suffix.length() > 64) {
      throw new IllegalArgumentException("suffix must have at most 64 characters but has " + suffix.length()
          + ": " + Checks.quote(suffix));
    }
    if (epochs != null) {
      Checks.inRange(epochs, 1, 50, "epochs");
    }
  }

  /** A request with only the training file; the rest is the provider's choice. */
  public static FineTuningJobRequest of(String trainingFile) {
    return new FineTuningJobRequest(trainingFile, "", "", "", null, null);
  }

  /** This request with a validation file. */
  public FineTuningJobRequest withValidationFile(String id) {
    return new FineTuningJobRequest(trainingFile, Checks.notBlank(id, "validationFile"), model, suffix, seed, epochs);
  }

  /** This request with a base model. */
  public FineTuningJobRequest withModel(String name) {
    return new FineTuningJobRequest(trainingFile, validationFile, Checks.notBlank(name, "model"), suffix, seed, epochs);
  }

  /** This request with a model-name suffix. */
  public FineTuningJobRequest withSuffix(String s) {
    return new FineTuningJobRequest(trainingFile, validationFile, model, Checks.notBlank(s, "suffix"), seed, epochs);
  }

  /** This request with a training seed. */
  public FineTuningJobRequest withSeed(long s) {
    return new FineTuningJobRequest(trainingFile, validationFile, model, suffix, s, epochs);
  }

  /** This request with a number of epochs, in [1, 50]. */
  public FineTuningJobRequest withEpochs(int n) {
    return new FineTuningJobRequest(trainingFile, validationFile, model, suffix, seed, n);
  }
}
