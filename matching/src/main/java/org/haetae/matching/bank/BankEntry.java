package org.haetae.matching.bank;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.hashing.pdq.Hash256;

/**
 * One entry of a bank as read from a source file: at least one of PDQ, MD5 and SHA-256.
 *
 * @param pdq the PDQ hash, or null
 * @param quality the PDQ quality 0..100 as the source gave it, or -1 when unknown
 * @param md5 32 lower-case hex digits, or null
 * @param sha256 64 lower-case hex digits, or null
 * @param sourceId the entry's id in the source (ThreatExchange indicator id, VICS MediaID), or ""
 * @param labels free-form labels (category, case id, tags), sorted by key
 */
public record BankEntry(
    Hash256 pdq,
    int quality,
    String md5,
    String sha256,
    String sourceId,
    Map<String, String> labels) {

  public BankEntry {
    if (pdq == null && md5 == null && sha256 == null) {
      throw new IllegalArgumentException("an entry needs a PDQ, MD5 or SHA-256 hash");
    }
    if (quality < -1 || quality > 100) {
      throw new IllegalArgumentException("quality must be 0..100, got " + quality);
    }
    md5 = normaliseHex(md5, 32, "MD5");
    sha256 = normaliseHex(sha256, 64, "SHA-256");
    sourceId = sourceId == null ? "" : sourceId;
    labels =
        java.util.Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
  }

  public static BankEntry ofPdq(Hash256 pdq) {
    return new BankEntry(pdq, -1, null, null, "", Map.of());
  }

  /** What makes two entries the same for de-duplication: their hashes, not their labels. */
  public Key key() {
    return new Key(pdq, md5, sha256);
  }

  /** The hashes of an entry; re-importing an entry with the same key adds nothing. */
  public record Key(Hash256 pdq, String md5, String sha256) {}

  private static String normaliseHex(String hex, int length, String what) {
    if (hex == null) {
      return null;
    }
    String h = hex.toLowerCase(Locale.ROOT);
    if (!isHex(h, length)) {
      throw new IllegalArgumentException(what + " must be " + length + " hex digits");
    }
    return h;
  }

  /** True when {@code s} is exactly {@code length} hex digits (either case). */
  public static boolean isHex(String s, int length) {
    if (s == null || s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
