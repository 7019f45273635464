package org.haetae.evidence.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the vault. It comes from an environment variable (base64) or a key
 * file (base64 text, created on first use). Its {@link #id()} is a one-way fingerprint that can be
 * written into the case to tell "wrong key" from "tampered blob"; the key itself is never printed.
 */
public final class VaultKey {
  /** Environment variable holding the key as base64 of 32 bytes. */
  public static final String ENV = "HAETAE_VAULT_KEY";

  private final SecretKey key;
  private final String id;

  private VaultKey(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("a vault key is 32 bytes (AES-256), not " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("haetae vault key id\n".getBytes(StandardCharsets.US_ASCII));
      this.id = HexFormat.of().formatHex(d.digest(raw), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static VaultKey of(byte[] raw) {
    return new VaultKey(raw.clone());
  }

  /**
   * The key from {@code envValue} when it is set, else from {@code keyFile}, which is created with
   * a fresh random key when absent.
   */
  public static VaultKey load(String envValue, Path keyFile) throws IOException {
    if (envValue != null && !envValue.isBlank()) {
      return new VaultKey(decode(envValue, ENV));
    }
    if (!Files.exists(keyFile)) {
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      KeyFiles.createSecret(keyFile, Base64.getEncoder().encodeToString(raw) + "\n");
    }
    return new VaultKey(decode(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile));
  }

  /** True when the key would be created by {@link #load} rather than read. */
  public static boolean wouldCreate(String envValue, Path keyFile) {
    return (envValue == null || envValue.isBlank()) && !Files.exists(keyFile);
  }

  private static byte[] decode(String text, Object where) {
    try {
      return Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the vault key in " + where + " is not base64", e);
    }
  }

  /** The JCA key, for the vault's cipher. */
  public SecretKey secretKey() {
    return key;
  }

  /** 16 hex digits identifying the key without revealing it. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return "VaultKey[" + id + "]";
  }
}
