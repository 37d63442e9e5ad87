package io.adoconnect.pullrequests;

/**
 * A comment posted on a pull request: either the first comment of a new {@code thread} ({@code
 * thread} non-null) or a reply in an existing thread ({@code thread} null).
 */
public record PostedComment(int pullRequestId, int threadId, Comment comment, Thread thread) {

  /** Whether the comment started a new thread rather than replying in one. */
  public boolean startedThread() {
    return thread != null;
  }
}
