package io.adoconnect.pullrequests;

/**
 * What opening a pull request gave: the pull request, and whether it was already open for the same
 * branches (then nothing new was created and it is returned as it is, so opening twice is harmless,
 * but the front-end says so).
 */
public record OpenedPullRequest(PullRequest pullRequest, boolean alreadyOpen) {}
