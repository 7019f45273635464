package org.haetae.server.access.totp;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226):
 * HMAC-SHA1, 30-second steps counted from the Unix epoch, 6 digits; and the Base32 (RFC 4648, no
 * padding) in which the secret is shown to the user.
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;

  /** Steps on either side of now whose codes are still accepted (clock drift, slow typing). */
  public static final int WINDOW = 1;

  /** 160 bits, the length of an HMAC-SHA1 output, as RFC 4226 recommends. */
  public static final int SECRET_BYTES = 20;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A fresh random secret of {@link #SECRET_BYTES} bytes. */
  public static byte[] newSecret() {
    byte[] b = new byte[SECRET_BYTES];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The step {@code t} falls in. */
  public static long step(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for {@code step}, {@code digits} long (1 to 9) with leading zeros. */
  public static String code(byte[] key, long step, int digits) {
    if (digits < 1 || digits > 9) {
      throw new IllegalArgumentException("digits must be 1..9, not " + digits);
    }
    byte[] h;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      h = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA1", e);
    }
    // Dynamic truncation (RFC 4226 section 5.3): 31 bits from the offset the last nibble names.
    int off = h[h.length - 1] & 0x0f;
    int bits =
        (h[off] & 0x7f) << 24
            | (h[off + 1] & 0xff) << 16
            | (h[off + 2] & 0xff) << 8
            | (h[off + 3] & 0xff);
    String s = Integer.toString(bits % POWERS[digits]);
    return "0".repeat(digits - s.length()) + s;
  }

  /**
   * The step within {@code window} steps of {@code now} whose {@link #DIGITS}-digit code {@code
   * code} is, if any (the earliest if several). Spaces in the code are ignored; every candidate is
   * computed and compared in constant time, so timing tells nothing about which step matched.
   */
  public static OptionalLong verify(byte[] key, String code, long now, int window) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String c = code.replace(" ", "");
    if (c.length() != DIGITS || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return OptionalLong.empty();
    }
    byte[] given = c.getBytes(StandardCharsets.US_ASCII);
    OptionalLong found = OptionalLong.empty();
    for (long s = now - window; s <= now + window; s++) {
      boolean same =
          MessageDigest.isEqual(given, code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII));
      if (same && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  /** RFC 4648 Base32 without padding. */
  public static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = buffer << 8 | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt(buffer >>> (bits - 5) & 31));
        bits -= 5;
      }
      buffer &= (1 << bits) - 1;
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt(buffer << (5 - bits) & 31));
    }
    return sb.toString();
  }

  /**
   * Decodes RFC 4648 Base32, in either case, ignoring spaces and any trailing '=' padding.
   *
   * @throws IllegalArgumentException if the text is not Base32 of whole bytes
   */
  public static byte[] fromBase32(String text) {
    String s = text.replace(" ", "");
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < end; i++) {
      int v = ALPHABET.indexOf(Character.toUpperCase(s.charAt(i)));
      if (v < 0) {
        throw new IllegalArgumentException("not Base32: '" + s.charAt(i) + "' at " + i);
      }
      buffer = buffer << 5 | v;
      bits += 5;
      if (bits >= 8) {
        out.write(buffer >>> (bits - 8) & 0xff);
        bits -= 8;
      }
      buffer &= (1 << bits) - 1;
    }
    // Whole bytes leave fewer than 5 bits over, all zero (lengths 1, 3 and 6 mod 8 cannot occur).
    if (bits >= 5 || buffer != 0) {
      throw new IllegalArgumentException("not Base32 of whole bytes (" + end + " characters)");
    }
    return out.toByteArray();
  }

  /**
   * The key URI authenticator apps read (often from a QR code): {@code
   * otpauth://totp/Haetae:NAME?secret=...&issuer=Haetae}; SHA1, 6 digits and 30 s are its defaults.
   */
  public static String uri(String username, String base32Secret) {
    String label = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/Haetae:" + label + "?secret=" + base32Secret + "&issuer=Haetae";
  }
}
