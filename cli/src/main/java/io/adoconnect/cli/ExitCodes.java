package io.adoconnect.cli;

import io.adoconnect.AccessDeniedException;
import io.adoconnect.AuthenticationException;
import io.adoconnect.ConflictException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.LocalNotFoundException;
import io.adoconnect.NotFoundException;
import io.adoconnect.OrganizationNotSupportedException;
import io.adoconnect.TransportException;
import io.adoconnect.VaultException;

/** The exit codes of DESIGN.md, and which failure gets which. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int AUTH = 3;
  static final int UNREACHABLE = 4;
  static final int CONFLICT = 5;

  private ExitCodes() {}

  static int of(Throwable failure) {
    if (failure instanceof InvalidInputException
        || failure instanceof NotFoundException
        || failure instanceof LocalNotFoundException) {
      return USAGE;
    }
    if (failure instanceof ConflictException) {
      return CONFLICT;
    }
    if (failure instanceof AccessDeniedException
        || failure instanceof AuthenticationException
        || failure instanceof VaultException
        || failure instanceof OrganizationNotSupportedException) {
      return AUTH;
    }
    if (failure instanceof TransportException) {
      return UNREACHABLE;
    }
    return FAILURE;
  }
}
