package io.adoconnect.server.errors;

/**
 * The one error shape of the API: a stable machine code, a sentence for people, what to do next.
 */
public record ApiError(String code, String message, String hint) {}
