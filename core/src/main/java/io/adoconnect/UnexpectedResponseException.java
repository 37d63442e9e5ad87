package io.adoconnect;

/**
 * Azure DevOps (or whatever answered at its address) said "success" but sent a body ado-connect
 * can't read: not JSON, or JSON of another shape. Not a bug in the caller's input and not a
 * transport failure: the upstream answer is bad, so the service maps it to 502 and the CLI to exit
 * 1. Neither the message nor a cause quotes the body.
 */
public class UnexpectedResponseException extends AzureDevOpsApiException {
  public UnexpectedResponseException(int status, String message, String hint) {
    // No cause: a parser's message quotes the body it could not read.
    super(status, null, message, hint);
  }
}
