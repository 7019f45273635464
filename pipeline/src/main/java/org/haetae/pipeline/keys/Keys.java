package org.haetae.pipeline.keys;

import java.io.IOException;
import java.nio.file.Path;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.pipeline.InputException;

/**
 * Where ingest and verify find their keys: the vault key from {@code $HAETAE_VAULT_KEY}, else
 * {@code --key-file}, else {@code DATA_DIR/keys/vault.key}; the signing key from {@code
 * DATA_DIR/keys/signing.key}.
 *
 * @param vault null when it is absent and was not to be created
 * @param signing null when not loaded
 */
public record Keys(VaultKey vault, SigningKey signing) {
  public static Path vaultKeyFile(Path dataDir, Path keyFile) {
    return keyFile != null ? keyFile : dataDir.resolve("keys").resolve("vault.key");
  }

  /**
   * @param create create missing keys (ingest); verify passes false and works without them
   */
  public static Keys load(Path dataDir, Path keyFile, boolean create) {
    String env = System.getenv(VaultKey.ENV);
    Path vaultFile = vaultKeyFile(dataDir, keyFile);
    try {
      VaultKey vault =
          create || !VaultKey.wouldCreate(env, vaultFile) ? VaultKey.load(env, vaultFile) : null;
      SigningKey signing =
          create ? SigningKey.load(dataDir.resolve("keys").resolve("signing.key")) : null;
      return new Keys(vault, signing);
    } catch (IllegalArgumentException | IOException e) {
      // Messages name the file or variable, never the key.
      throw new InputException("cannot load keys: " + e.getMessage());
    }
  }
}
