package io.livecommerce.llm;

import java.util.Locale;

/**
 * A fine-tuning job as the provider last reported it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the job id, e.g. {@code ftjob-abc123}
 * @param status where it is
 * @param model the base model
 * @param fineTunedModel the resulting model's id, usable as any model name; empty until the job succeeded
 * @param trainingFile the training file's id
 * @param validationFile the validation file's id, or empty
 * @param createdAt when it was created, epoch seconds
 * @param finishedAt when it finished, epoch seconds; 0 while it runs
 * @param trainedTokens tokens trained on (billed), 0 until known
 * @param error why it failed, or empty
 */
public record FineTuningJob(String id, Status status, String model, String fineTunedModel, String trainingFile,
    String validationFile, long createdAt, long finishedAt, long trainedTokens, String error) {

  /** Where a job is. */
  public enum Status {
    /** The provider checks the files. */
    VALIDATING_FILES,
    /** Waiting for capacity. */
    QUEUED,
    /** Training. */
    RUNNING,
    /** Done; {@link FineTuningJob#fineTunedModel()} is set. */
    SUCCEEDED,
    /** Ended with {@link FineTuningJob#error()}. */
    FAILED,
    /** Cancelled. */
    CANCELLED,
    /** A status this version does not know (a provider's own); treated as not finished. */
    UNKNOWN;

    /** The status for the provider's text ({@code validating_files}, {@code succeeded}, ...). */
    public static Status of(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return text.trim().equalsIgnoreCase("canceled") ? CANCELLED : UNKNOWN;
      }
    }

    /** Whether the job has ended. */
    public boolean isTerminal() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
  }

  /**
   * The fine-tuned model's id.
   *
   * @throws ProviderException if the job did not succeed (the message gives its status and error)
   */
  public String requireSucceeded() {
    if (status != Status.SUCCEEDED || fineTunedModel.isEmpty()) {
      throw new ProviderException("fine-tuning job " + id + " is " + status.name().toLowerCase(Locale.ROOT)
          + (error.isEmpty() ? "" : ": " + error) + "; it has no model", 0, "", "", null);
    }
    return fineTunedModel;
  }
}
