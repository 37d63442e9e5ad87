package io.adoconnect.store;

import io.adoconnect.AdoConnectException;
import io.adoconnect.NextStep;

/** The store could not be opened, migrated, read or written. Messages never contain secrets. */
public class StoreException extends AdoConnectException {
  public StoreException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  public StoreException(String message, NextStep nextStep, Throwable cause) {
    super(message, nextStep, cause);
  }
}
