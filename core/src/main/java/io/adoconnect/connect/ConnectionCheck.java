package io.adoconnect.connect;

/**
 * What a connection test found on one organization or collection: who the credential belongs to
 * and how much it can read.
 */
public record ConnectionCheck(
    String organization, String url, String deployment, String apiVersion, String user, String userAccount,
    int projects, int repositories) {}
