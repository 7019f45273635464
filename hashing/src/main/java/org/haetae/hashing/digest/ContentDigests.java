package org.haetae.hashing.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * MD5 and SHA-256 of a file's exact bytes, as lower-case hex. Platforms still exchange MD5 lists;
 * evidence is addressed by SHA-256.
 */
public record ContentDigests(String md5, String sha256) {

  public static ContentDigests of(byte[] bytes) {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha = digest("SHA-256");
    md5.update(bytes);
    sha.update(bytes);
    return new ContentDigests(hex(md5), hex(sha));
  }

  /** Streams the file once, whatever its size. */
  public static ContentDigests of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  public static ContentDigests of(InputStream in) throws IOException {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha = digest("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md5.update(buf, 0, n);
      sha.update(buf, 0, n);
    }
    return new ContentDigests(hex(md5), hex(sha));
  }

  /** SHA-256 of some bytes as lower-case hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5 and SHA-256.
      throw new IllegalStateException(algorithm + " missing from this Java runtime", e);
    }
  }
}
