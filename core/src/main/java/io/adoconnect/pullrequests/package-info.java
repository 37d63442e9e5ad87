/**
 * Azure DevOps Git pull requests ({@code _apis/git/repositories/{repo}/pullrequests}): list, get,
 * create, update, reviewers, complete, abandon, comment threads and PR statuses, through {@link
 * io.adoconnect.pullrequests.PullRequestsClient}.
 */
package io.adoconnect.pullrequests;
