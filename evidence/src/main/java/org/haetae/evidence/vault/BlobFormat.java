package org.haetae.evidence.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The encrypted blob format: a header, then the plaintext in 1 MiB segments, each sealed with
 * AES-256-GCM on its own. Segmenting keeps memory flat for large videos (the JDK's GCM buffers a
 * whole message on decryption) and lets a damaged byte be located.
 *
 * <pre>
 * header  = "HAETAEV1" | segment size (u32) | nonce prefix (8 random bytes)       20 bytes
 * segment = AES-GCM(key, nonce = prefix | index (u32), aad = header | last (1 byte), plaintext)
 * </pre>
 *
 * The header in the AAD binds every segment to this blob; the index in the nonce fixes their order;
 * the "last" flag makes a cut-off blob fail instead of decrypting to a shorter file.
 */
final class BlobFormat {
  static final byte[] MAGIC = "HAETAEV1".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = 20;
  static final int SEGMENT = 1 << 20;
  static final int TAG = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BlobFormat() {}

  /** Encrypts {@code in} to {@code out}; returns plaintext bytes written. */
  static long encrypt(SecretKey key, InputStream in, OutputStream out) throws IOException {
    byte[] header = new byte[HEADER];
    ByteBuffer.wrap(header).put(MAGIC).putInt(SEGMENT);
    byte[] prefix = new byte[8];
    RANDOM.nextBytes(prefix);
    System.arraycopy(prefix, 0, header, 12, 8);
    out.write(header);
    byte[] cur = new byte[SEGMENT];
    byte[] next = new byte[SEGMENT];
    int curLen = in.readNBytes(cur, 0, SEGMENT);
    long total = 0;
    int index = 0;
    while (true) {
      int nextLen = curLen == SEGMENT ? in.readNBytes(next, 0, SEGMENT) : 0;
      boolean last = nextLen == 0;
      out.write(seal(key, header, index++, last, cur, curLen));
      total += curLen;
      if (last) {
        return total;
      }
      byte[] t = cur;
      cur = next;
      next = t;
      curLen = nextLen;
    }
  }

  /** Decrypts a whole blob to {@code out}; throws {@link BlobDamagedException} if it is altered. */
  static long decrypt(SecretKey key, InputStream in, OutputStream out) throws IOException {
    byte[] header = in.readNBytes(HEADER);
    if (header.length < HEADER || !Arrays.equals(header, 0, 8, MAGIC, 0, 8)) {
      throw new BlobDamagedException("not a vault blob (bad header)");
    }
    int segment = ByteBuffer.wrap(header, 8, 4).getInt();
    if (segment != SEGMENT) {
      throw new BlobDamagedException("bad segment size in header");
    }
    byte[] cur = new byte[SEGMENT + TAG];
    byte[] next = new byte[SEGMENT + TAG];
    int curLen = in.readNBytes(cur, 0, cur.length);
    long total = 0;
    int index = 0;
    while (true) {
      int nextLen = curLen == cur.length ? in.readNBytes(next, 0, next.length) : 0;
      boolean last = nextLen == 0;
      if (curLen < TAG) {
        throw new BlobDamagedException("segment " + index + " cut short");
      }
      byte[] plain = open(key, header, index++, last, cur, curLen);
      out.write(plain);
      total += plain.length;
      if (last) {
        return total;
      }
      byte[] t = cur;
      cur = next;
      next = t;
      curLen = nextLen;
    }
  }

  private static byte[] seal(SecretKey key, byte[] header, int index, boolean last, byte[] b, int n)
      throws IOException {
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, key, header, index, last);
      return c.doFinal(b, 0, n);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private static byte[] open(SecretKey key, byte[] header, int index, boolean last, byte[] b, int n)
      throws IOException {
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, key, header, index, last);
      return c.doFinal(b, 0, n);
    } catch (AEADBadTagException e) {
      throw new BlobDamagedException(
          "segment " + index + " fails authentication (altered, cut, or another key)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] header, int index, boolean last)
      throws GeneralSecurityException {
    byte[] nonce = new byte[12];
    System.arraycopy(header, 12, nonce, 0, 8);
    ByteBuffer.wrap(nonce, 8, 4).putInt(index);
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
    c.updateAAD(header);
    c.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
    return c;
  }
}
