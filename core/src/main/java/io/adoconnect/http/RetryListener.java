package io.adoconnect.http;

/**
 * Told before each retry, so a front-end can say why a call is taking long instead of sitting
 * silent (the CLI prints a line on stderr). Called on the thread making the call; must be quick and
 * must not throw.
 */
@FunctionalInterface
public interface RetryListener {
  RetryListener NONE = retry -> {};

  void retrying(Retry retry);
}
