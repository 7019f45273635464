package org.haetae.faces.bank;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * How face templates are encrypted at rest, wherever they are kept (face bank files, the service's
 * database): AES-256-GCM, a fresh 12-byte nonce ahead of the ciphertext and its 16-byte tag, and
 * associated data that binds the bytes to their place (a bank's name, a report), so they cannot be
 * moved to another place and still open.
 */
public final class Sealing {
  /** Bytes a sealed message adds to its plaintext: the nonce and the tag. */
  public static final int OVERHEAD = 12 + 16;

  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sealing() {}

  /** The nonce followed by the ciphertext and tag. */
  public static byte[] seal(SecretKey key, byte[] aad, byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      c.updateAAD(aad);
      byte[] body = c.doFinal(plain);
      return ByteBuffer.allocate(NONCE + body.length).put(nonce).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * The plaintext of a message sealed by {@link #seal}, starting at {@code offset} of {@code
   * bytes}.
   *
   * @throws AEADBadTagException a wrong key, altered bytes, or other associated data
   */
  public static byte[] open(SecretKey key, byte[] aad, byte[] bytes, int offset)
      throws AEADBadTagException {
    if (bytes.length - offset < OVERHEAD) {
      throw new AEADBadTagException("too short to be sealed");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, offset, NONCE));
      c.updateAAD(aad);
      return c.doFinal(bytes, offset + NONCE, bytes.length - offset - NONCE);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }
}
