package io.adoconnect.pullrequests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One comment in a thread. {@code parentCommentId} 0 starts the thread; {@code commentType} is
 * {@code text} for people and {@code system} for Azure DevOps' own notes; deleted comments have no
 * content.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Comment(
    int id,
    int parentCommentId,
    PullRequest.Identity author,
    String content,
    String publishedDate,
    String commentType,
    boolean isDeleted) {}
