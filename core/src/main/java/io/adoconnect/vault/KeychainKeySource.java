package io.adoconnect.vault;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.adoconnect.NextStep;
import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The key kept in the operating system keychain: the Secret Service (GNOME Keyring, KWallet) on
 * Linux, the Keychain on macOS, the Credential Manager on Windows. This is the default key source;
 * {@code ADO_CONNECT_KEY_FILE} replaces it on headless machines (see {@link KeySources}).
 *
 * <p>The entry is service {@value #SERVICE}, account {@value #DEFAULT_ACCOUNT}, and holds the same
 * keyset JSON a {@link KeyFileSource} would hold. There is one key per OS user, not per data
 * directory: the keychain is already per user, and the data directory can be chosen per run, so
 * tying the key to its path would lose the key when a directory is moved.
 *
 * <p>Constructing a source does not touch the keychain; {@link #loadOrCreateKeyset()} does,
 * creating the entry on first use and reading it afterwards. An entry is only ever created when the
 * keychain reports it absent, never when it could not be read (a locked keychain), so an existing
 * key is not replaced. Each call is bounded by a timeout (an unlock prompt nobody answers must not
 * hang the process). Every failure to reach the keychain is a {@link VaultException} with the same
 * message and hint, the library's exception kept as the cause; no message contains key material.
 *
 * <p>On Linux the keychain is reached over D-Bus, and dbus-java leaves a non-daemon "DBus Sender
 * Thread" behind: a program that used this source must end with {@link System#exit}, or the JVM
 * does not exit (the CLI does).
 *
 * <pre>{@code
 * Vault vault = Vault.open(new KeychainKeySource());
 * }</pre>
 */
public final class KeychainKeySource implements KeySource {
  public static final String SERVICE = "ado-connect";
  public static final String DEFAULT_ACCOUNT = "vault-key";

  /** Long enough for a person to answer a desktop unlock prompt, short enough not to look hung. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  static final String UNREACHABLE =
      "ado-connect could not reach the operating system keychain to keep its" + " encryption key.";
  static final String UNREACHABLE_HINT =
      "Make sure your keychain is unlocked and available, then try again."
          + " On Linux, run a Secret Service provider such as GNOME Keyring (in a desktop session, or with"
          + " gnome-keyring-daemon in a D-Bus session). On a headless server, set ADO_CONNECT_KEY_FILE to a key"
          + " file path instead.";

  /** What java-keyring's backends say when the entry is absent (as opposed to unreadable). */
  private static final String[] NOT_FOUND = {
    "No stored credentials match", // Secret Service, macOS
    "Password not Found", // Windows
    "Password is not in wallet", // KWallet
  };

  private static final String TOO_MANY = "Too many stored credentials match";

  /** One keychain conversation at a time in this JVM, so two first uses don't both create a key. */
  private static final Object LOCK = new Object();

  private final String account;
  private final Duration timeout;
  private final String description;

  /** The default entry: service {@value #SERVICE}, account {@value #DEFAULT_ACCOUNT}. */
  public KeychainKeySource() {
    this(DEFAULT_ACCOUNT, DEFAULT_TIMEOUT);
  }

  /**
   * @param account the keychain account under service {@value #SERVICE} (tests use their own)
   * @param timeout how long one load-or-create may wait for the keychain
   */
  public KeychainKeySource(String account, Duration timeout) {
    this.account = requireNonBlank(account);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.description =
        keychainName(System.getProperty("os.name", "")) + ", entry " + SERVICE + "/" + account;
  }

  public String account() {
    return account;
  }

  /** E.g. {@code the OS keychain (Secret Service), entry ado-connect/vault-key}. */
  @Override
  public String describe() {
    return description;
  }

  @Override
  public Secret loadOrCreateKeyset() {
    return withTimeout(this::loadOrCreateNow);
  }

  /** Runs one keychain conversation on a daemon thread, bounded by {@link #timeout}. */
  private Secret withTimeout(java.util.concurrent.Callable<Secret> conversation) {
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "ado-connect keychain");
              thread.setDaemon(true); // an abandoned call (timeout) must not keep the JVM alive
              return thread;
            });
    try {
      Future<Secret> result = worker.submit(conversation);
      try {
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        result.cancel(true);
        throw unreachable(
            new TimeoutException(
                "The keychain did not answer within "
                    + timeout.toSeconds()
                    + " s (an unanswered unlock prompt?)."));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result.cancel(true);
        throw unreachable(e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof VaultException vaultException) {
          throw vaultException;
        }
        throw unreachable(cause);
      }
    } finally {
      worker.shutdownNow();
    }
  }

  /**
   * Overwrites the entry (one Secret Service / Keychain call replaces an item's secret) and reads
   * it back: what the keychain kept is what counts.
   */
  @Override
  public void replaceKeyset(Secret keysetJson) {
    Keysets.parse(keysetJson, "the new keyset"); // never write something that won't load
    withTimeout(
        () -> {
          synchronized (LOCK) {
            Keyring keyring;
            try {
              keyring = Keyring.create();
            } catch (BackendNotSupportedException | RuntimeException e) {
              throw unreachable(e);
            }
            try {
              try {
                keyring.setPassword(SERVICE, account, keysetJson.reveal().strip());
              } catch (PasswordAccessException | RuntimeException e) {
                throw unreachable(scrub(e, keysetJson));
              }
              String stored = read(keyring);
              if (stored == null || !stored.strip().equals(keysetJson.reveal().strip())) {
                throw unreachable(
                    new IllegalStateException("The new key was stored but did not read back."));
              }
              return keysetJson;
            } finally {
              closeQuietly(keyring);
            }
          }
        });
  }

  private Secret loadOrCreateNow() {
    synchronized (LOCK) {
      Keyring keyring;
      try {
        keyring = Keyring.create();
      } catch (BackendNotSupportedException | RuntimeException e) {
        throw unreachable(e);
      }
      try {
        String stored = read(keyring);
        if (stored == null) {
          Secret fresh = Keysets.generate();
          try {
            keyring.setPassword(SERVICE, account, fresh.reveal().strip());
          } catch (PasswordAccessException | RuntimeException e) {
            throw unreachable(scrub(e, fresh));
          }
          stored = read(keyring); // what the keychain kept is what counts
          if (stored == null) {
            throw unreachable(
                new IllegalStateException("The key was stored but could not be read back."));
          }
        }
        if (stored.isBlank()) {
          throw new VaultException(
              "The encryption key in " + describe() + " is empty.",
              "Restore the key from a backup. If it is lost, delete the entry, then disconnect and connect"
                  + " your accounts again: credentials sealed with the old key can't be recovered.");
        }
        Secret keyset = Secret.of(stored.strip());
        Keysets.parse(keyset, describe()); // refuse a corrupt entry here, not at the first decrypt
        return keyset;
      } finally {
        closeQuietly(keyring);
      }
    }
  }

  private static void closeQuietly(Keyring keyring) {
    try {
      keyring.close();
    } catch (Exception e) {
      // the key is already read or the failure already reported; a failed disconnect changes
      // nothing
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The stored JSON, or null when the keychain says there is no such entry. */
  private String read(Keyring keyring) {
    try {
      return keyring.getPassword(SERVICE, account);
    } catch (PasswordAccessException e) {
      String message = String.valueOf(e.getMessage());
      for (String notFound : NOT_FOUND) {
        if (message.startsWith(notFound)) {
          return null;
        }
      }
      if (message.startsWith(TOO_MANY)) {
        throw new VaultException(
            "The OS keychain holds more than one ado-connect encryption key (" + describe() + ").",
            "This happens when two ado-connect processes start for the first time at once. Keep the entry"
                + " that was created first and delete the others, or delete them all, then disconnect and"
                + " connect your accounts again.",
            e);
      }
      throw unreachable(e);
    } catch (RuntimeException e) {
      // java-keyring reports a locked Secret Service collection as a NullPointerException
      throw unreachable(e);
    }
  }

  /** Never lets the key ride along in a cause's message (e.g. a D-Bus error echoing arguments). */
  private static Throwable scrub(Throwable failure, Secret keyset) {
    String key = keyset.reveal();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(key.strip())
          || String.valueOf(t).contains(key.strip())) {
        return new IllegalStateException(
            failure.getClass().getName() + " (details withheld: they quoted the key)");
      }
    }
    return failure;
  }

  static VaultException unreachable(Throwable cause) {
    return new VaultException(
        UNREACHABLE, NextStep.of(NextStep.Action.CONFIGURE_KEY, UNREACHABLE_HINT), cause);
  }

  static String keychainName(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.contains("darwin")) {
      return "the macOS Keychain";
    }
    if (os.startsWith("windows")) {
      return "the Windows Credential Manager";
    }
    return "the OS keychain (Secret Service)";
  }

  /**
   * True where the keychain is reached over the D-Bus session bus (Linux and other Unix, not
   * macOS).
   */
  static boolean usesSessionBus(String osName) {
    return keychainName(osName).contains("Secret Service");
  }

  private static String requireNonBlank(String account) {
    Objects.requireNonNull(account, "account");
    if (account.isBlank()) {
      throw new IllegalArgumentException("account can't be blank");
    }
    return account;
  }

  @Override
  public String toString() {
    return "KeychainKeySource[" + SERVICE + "/" + account + "]";
  }
}
