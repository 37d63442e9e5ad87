package io.adoconnect.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.adoconnect.VaultException;
import io.adoconnect.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Envelope encryption: the deployment's master key (from its {@link KeySource}) seals one data key
 * per holder — an owner, see the store's {@code Owner.key()} — and each holder's secrets are sealed
 * with its own data key. A rotation then re-seals the small data keys under a new master key
 * instead of every secret, and one owner's data key opens nothing of another's.
 *
 * <p>A data key is a Tink AES-256-GCM keyset, created on the holder's first secret and kept in the
 * store ({@link DataKeys}) as Tink's encrypted keyset, sealed by the master key with {@code
 * data-key:<holder>} as associated data: a data key copied to another holder's row does not open.
 * Opened data keys are kept in memory (at most {@value #CACHED} holders, least recently used first
 * out); their key material never leaves this package.
 *
 * <p>Secrets sealed directly with the master key, as releases before data keys did, still open:
 * their Tink key id is a master key's. They move to the data key when next written, or by the
 * rotation ({@link #moveToDataKey}).
 *
 * <p>While {@code keys rotate} runs beside a service, the service's master key in memory may be the
 * old one: a data key sealed by a key it doesn't hold makes it read the key source again, and a
 * data key it would seal with a key the rotation retires is refused by the store ({@link
 * DataKeys#addIfAbsent}), after which it reads the key source too and seals with the new key.
 *
 * <pre>{@code
 * Keyring keyring = Keyring.open(KeySources.fromEnvironment(System.getenv()), store.dataKeys());
 * Vault vault = keyring.vault(owner.key());
 * byte[] sealed = vault.seal(pat, account.id());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Keyring {
  static final int CACHED = 10_000;
  private static final String DATA_KEY_BINDING = "data-key:";
  private static final int ATTEMPTS = 3;

  private final KeySource source;
  private final DataKeys dataKeys;
  private volatile MasterKey master;
  private final Map<String, DataKey> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DataKey> eldest) {
              return size() > CACHED;
            }
          });

  private Keyring(KeySource source, DataKeys dataKeys, MasterKey master) {
    this.source = source;
    this.dataKeys = dataKeys;
    this.master = master;
  }

  /** Loads (or, on first use, creates) the master key from {@code source}. */
  public static Keyring open(KeySource source, DataKeys dataKeys) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(dataKeys, "dataKeys");
    return new Keyring(source, dataKeys, MasterKey.load(source));
  }

  /** The vault of one holder (an owner's key): its secrets, sealed with its data key. */
  public Vault vault(String holder) {
    if (holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("holder can't be blank");
    }
    return new Vault(this, holder);
  }

  /** The master keys the key source holds now, primary first. */
  public MasterKeyIds masterKeyIds() {
    MasterKey now = reloadMaster();
    return new MasterKeyIds(
        MasterKey.unsigned(now.primaryId()),
        now.ids().stream().map(MasterKey::unsigned).collect(Collectors.toCollection(TreeSet::new)));
  }

  /** The key source's master key ids: {@code primary} seals; the others only open. */
  public record MasterKeyIds(long primary, Set<Long> all) {
    public MasterKeyIds {
      all = Collections.unmodifiableSet(new TreeSet<>(all));
    }

    /** More than one key: a rotation added a key and has not yet retired the old one. */
    public boolean rotationUnfinished() {
      return all.size() > 1;
    }
  }

  // ---- sealing, for Vault ----

  byte[] seal(String holder, Secret plaintext, String binding) {
    try {
      return dataKey(holder, true)
          .orElseThrow()
          .aead()
          .encrypt(plaintext.revealBytes(), ad(binding));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A credential could not be encrypted with its data key.",
          "Check that the key from "
              + master.where()
              + " is the deployment's key, then try again.");
    }
  }

  Secret unseal(String holder, byte[] ciphertext, String binding) {
    byte[] associatedData = ad(binding);
    Integer keyId = Vault.keyId(ciphertext);
    MasterKey now = master;
    boolean masterKeys = keyId != null && now.ids().contains(keyId);
    if (masterKeys) {
      // sealed directly with the master key, before data keys existed
      Optional<byte[]> opened = tryDecrypt(now.aead(), ciphertext, associatedData);
      if (opened.isPresent()) {
        return Secret.of(new String(opened.get(), StandardCharsets.UTF_8));
      }
    }
    Optional<DataKey> dataKey = dataKey(holder, false);
    if (keyId == null || dataKey.isEmpty() || !dataKey.get().ids().contains(keyId)) {
      throw masterKeys ? Vault.altered(binding) : Vault.keyMismatch(now.where());
    }
    return tryDecrypt(dataKey.get().aead(), ciphertext, associatedData)
        .map(plain -> Secret.of(new String(plain, StandardCharsets.UTF_8)))
        .orElseThrow(() -> Vault.altered(binding));
  }

  // ---- rotation ----

  /**
   * Starts, or resumes, a rotation: when the key source holds one master key, a new one is added as
   * the primary and the keyset written back in one step (the old key stays, so nothing sealed with
   * it stops opening); when it holds several, an earlier rotation was interrupted and its newest
   * key is the one to finish with.
   */
  public synchronized RotationPlan beginRotation() {
    MasterKey now = reloadMaster();
    boolean written = false;
    if (now.ids().size() == 1) {
      source.replaceKeyset(Keysets.toJson(Keysets.withNewPrimary(now.handle())));
      MasterKey grown = reloadMaster();
      if (grown.ids().size() != 2 || !grown.ids().containsAll(now.ids())) {
        throw new VaultException(
            "The keyset in " + now.where() + " changed while the rotation wrote it.",
            "Make sure only one key rotation runs at a time, then run it again.");
      }
      now = grown;
      written = true;
    }
    int primary = now.primaryId();
    Set<Long> retiring =
        now.ids().stream()
            .filter(id -> id != primary)
            .map(MasterKey::unsigned)
            .collect(Collectors.toSet());
    return new RotationPlan(MasterKey.unsigned(primary), retiring, written);
  }

  /**
   * {@code sealed} (a holder's data key) sealed again under the primary master key; the data key
   * itself is unchanged, so every secret sealed with it still opens.
   */
  public SealedDataKey reseal(String holder, SealedDataKey sealed) {
    KeysetHandle handle = open(holder, sealed);
    return seal(holder, handle, master);
  }

  /**
   * True when {@code ciphertext} is still sealed directly by a master key (it opens with one for
   * {@code binding}), not by a data key.
   */
  public boolean sealedByMaster(byte[] ciphertext, String binding) {
    Integer keyId = Vault.keyId(ciphertext);
    MasterKey now = master;
    return keyId != null
        && now.ids().contains(keyId)
        && tryDecrypt(now.aead(), ciphertext, ad(binding)).isPresent();
  }

  /**
   * The same secret sealed with {@code holder}'s data key, when {@code ciphertext} is sealed
   * directly by a master key; empty when it already is a data key's. The plaintext stays in this
   * package.
   */
  public Optional<byte[]> moveToDataKey(String holder, byte[] ciphertext, String binding) {
    Integer keyId = Vault.keyId(ciphertext);
    MasterKey now = master;
    if (keyId == null || !now.ids().contains(keyId)) {
      return Optional.empty();
    }
    byte[] associatedData = ad(binding);
    Optional<byte[]> plain = tryDecrypt(now.aead(), ciphertext, associatedData);
    if (plain.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          dataKey(holder, true).orElseThrow().aead().encrypt(plain.get(), associatedData));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A credential could not be sealed with its owner's data key.",
          "Check that the key from " + now.where() + " is the deployment's key, then try again.");
    } finally {
      java.util.Arrays.fill(plain.get(), (byte) 0);
    }
  }

  /**
   * Ends a rotation: the key source keeps only the primary key. Call only once no data key and no
   * secret is sealed by a {@code retiring} key any more — what they sealed never opens again.
   */
  public synchronized void finishRotation(Set<Long> retiring) {
    MasterKey now = reloadMaster();
    Set<Integer> ids =
        retiring.stream()
            .map(Long::intValue)
            .filter(now.ids()::contains)
            .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return;
    }
    source.replaceKeyset(Keysets.toJson(Keysets.without(now.handle(), ids)));
    reloadMaster();
  }

  // ---- data keys ----

  private Optional<DataKey> dataKey(String holder, boolean create) {
    DataKey cached = cache.get(holder);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SealedDataKey> found = dataKeys.find(holder);
    if (found.isEmpty() && !create) {
      return Optional.empty();
    }
    SealedDataKey kept = found.orElseGet(() -> create(holder));
    KeysetHandle handle = open(holder, kept);
    DataKey dataKey =
        new DataKey(Keysets.aead(handle, "the data key of " + holder), Keysets.ids(handle));
    cache.put(holder, dataKey);
    return Optional.of(dataKey);
  }

  private SealedDataKey create(String holder) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      MasterKey now = master;
      KeysetHandle fresh = Keysets.generateAvoiding(now.ids());
      Optional<SealedDataKey> kept = dataKeys.addIfAbsent(holder, seal(holder, fresh, now));
      if (kept.isPresent()) {
        return kept.get();
      }
      reloadMaster(); // a rotation retires the key we sealed with: its new key is in the source
    }
    throw new VaultException(
        "A new data key could not be stored: the master key in "
            + master.where()
            + " is being retired by a key rotation, and the key source does not hold its successor.",
        "Let the key rotation finish (or run it again if it was interrupted), then try again.");
  }

  private static SealedDataKey seal(String holder, KeysetHandle dataKey, MasterKey with) {
    try {
      return new SealedDataKey(
          MasterKey.unsigned(with.primaryId()),
          TinkProtoKeysetFormat.serializeEncryptedKeyset(
              dataKey, with.aead(), dataKeyBinding(holder)));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A data key could not be sealed with the master key from " + with.where() + ".",
          "Check that the key is the deployment's key, then try again.");
    }
  }

  private KeysetHandle open(String holder, SealedDataKey sealed) {
    MasterKey now = master;
    if (!now.holds(sealed.masterKeyId())) {
      now = reloadMaster(); // a rotation sealed it with a key added after we loaded ours
    }
    if (!now.holds(sealed.masterKeyId())) {
      throw new VaultException(
          "The data key of "
              + holder
              + " is sealed with master key "
              + sealed.masterKeyId()
              + ", which "
              + now.where()
              + " does not hold.",
          "Point ado-connect at the deployment's key (restore it from a backup if it was replaced);"
              + " without it the secrets of this owner can't be opened.");
    }
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(
          sealed.sealed(), now.aead(), dataKeyBinding(holder), RegistryConfiguration.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // no cause: nothing from the crypto layer ends up in logs
      throw new VaultException(
          "The data key of "
              + holder
              + " could not be opened: it was altered or belongs to another owner.",
          "Restore the database from a backup, or have this owner connect again.");
    }
  }

  private synchronized MasterKey reloadMaster() {
    MasterKey fresh = MasterKey.load(source);
    master = fresh;
    return fresh;
  }

  private static Optional<byte[]> tryDecrypt(Aead aead, byte[] ciphertext, byte[] associatedData) {
    try {
      return Optional.of(aead.decrypt(ciphertext, associatedData));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static byte[] dataKeyBinding(String holder) {
    return (DATA_KEY_BINDING + holder).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ad(String binding) {
    return Vault.associatedData(binding);
  }

  /** An opened data key: its primitive and its key ids (to tell its ciphertexts apart). */
  private record DataKey(Aead aead, Set<Integer> ids) {}

  @Override
  public String toString() {
    return "Keyring[" + master.where() + "]";
  }
}
