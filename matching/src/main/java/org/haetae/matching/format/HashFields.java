package org.haetae.matching.format;

import java.util.Locale;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.hashing.pdq.HashFormatException;
import org.haetae.matching.bank.BankEntry;

/**
 * Parses the hash and quality fields every format shares, with messages that say what is wrong
 * without echoing the field (a hash is victim data; line numbers suffice to find it).
 */
final class HashFields {
  private HashFields() {}

  /** A field that failed; the message is the reason for the rejected line. */
  static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(String reason) {
      super(reason, null, false, false);
    }
  }

  static Hash256 pdq(String field) throws BadField {
    try {
      return Hash256.fromHex(field.strip());
    } catch (HashFormatException e) {
      throw new BadField("bad PDQ hash: " + e.getMessage());
    }
  }

  static String md5(String field) throws BadField {
    return hex(field, 32, "MD5");
  }

  static String sha256(String field) throws BadField {
    return hex(field, 64, "SHA-256");
  }

  static String sha1(String field) throws BadField {
    return hex(field, 40, "SHA-1");
  }

  private static String hex(String field, int digits, String what) throws BadField {
    String f = field.strip();
    if (f.length() != digits) {
      throw new BadField(
          "bad " + what + ": needs " + digits + " hex digits, this one has " + f.length());
    }
    if (!BankEntry.isHex(f, digits)) {
      throw new BadField("bad " + what + ": not all hex digits");
    }
    return f.toLowerCase(Locale.ROOT);
  }

  /** Quality 0..100; empty means unknown (-1). */
  static int quality(String field) throws BadField {
    String f = field.strip();
    if (f.isEmpty()) {
      return -1;
    }
    try {
      int q = Integer.parseInt(f);
      if (q >= 0 && q <= 100) {
        return q;
      }
    } catch (NumberFormatException e) {
      // Fall through to the message below.
    }
    throw new BadField("bad quality: must be a whole number 0..100");
  }
}
