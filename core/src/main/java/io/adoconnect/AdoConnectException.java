package io.adoconnect;

/**
 * Root of ado-connect's unchecked exceptions. Each subtype is one thing a caller can act on; the
 * message says what happened and {@link #nextStep()} what to do next, as data that the CLI, the
 * API, the page and MCP each render in their own terms (messages never carry CLI syntax).
 */
public class AdoConnectException extends RuntimeException {
  private final NextStep nextStep;

  /** {@code advice}: what to do next in front-end-neutral prose (no command lines), or null. */
  public AdoConnectException(String message, String advice) {
    this(message, NextStep.advice(advice), null);
  }

  public AdoConnectException(String message, String advice, Throwable cause) {
    this(message, NextStep.advice(advice), cause);
  }

  public AdoConnectException(String message, NextStep nextStep) {
    this(message, nextStep, null);
  }

  public AdoConnectException(String message, NextStep nextStep, Throwable cause) {
    super(message, cause);
    this.nextStep = nextStep == null ? NextStep.NONE : nextStep;
  }

  /** What the user can do about it; {@link NextStep#NONE} when there is nothing useful to add. */
  public NextStep nextStep() {
    return nextStep;
  }

  /**
   * The step's front-end-neutral advice, or null; front-ends render {@link #nextStep()} instead.
   */
  public String hint() {
    return nextStep.advice();
  }
}
