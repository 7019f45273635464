package org.haetae.evidence.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haetae.evidence.keys.VaultKey;

/**
 * Content-addressed, encrypted, write-once store: each distinct content is kept once, under the
 * SHA-256 of its plaintext, as {@code DIR/ab/<sha256>.blob}. Safe to call from several threads.
 */
public final class Vault {
  private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");
  private static final String TMP = ".tmp";

  private final Path dir;
  private final VaultKey key;
  private final boolean durable;

  /**
   * @param key null to open the vault for checks that need no key ({@link #checkStored})
   * @param durable force each blob to disk before it is named, so a blob a log entry names survives
   *     a power cut too
   */
  public Vault(Path dir, VaultKey key, boolean durable) {
    this.dir = dir;
    this.key = key;
    this.durable = durable;
  }

  public Path dir() {
    return dir;
  }

  public Path blobPath(String sha256) {
    if (!ADDRESS.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256 address");
    }
    return dir.resolve(sha256.substring(0, 2)).resolve(sha256 + ".blob");
  }

  public boolean contains(String sha256) {
    return Files.isRegularFile(blobPath(sha256));
  }

  /**
   * Removes temporary files left by a killed run (they never got a name, nothing refers to them).
   */
  public void removeLeftovers() throws IOException {
    Path tmp = dir.resolve(TMP);
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  public StoredBlob put(byte[] content) throws IOException {
    return put(new ByteArrayInputStream(content));
  }

  public StoredBlob put(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    }
  }

  /** Stores a stream's content (once); streaming, so any size works. */
  public StoredBlob put(InputStream content) throws IOException {
    requireKey();
    Path tmpDir = Files.createDirectories(dir.resolve(TMP));
    Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
    MessageDigest plain = sha256();
    MessageDigest stored = sha256();
    long size;
    try {
      try (FileChannel ch =
              FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out =
              new DigestOutputStream(
                  new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16),
                  stored)) {
        size = BlobFormat.encrypt(key.secretKey(), new DigestInputStream(content, plain), out);
        out.flush();
        if (durable) {
          ch.force(true);
        }
      }
      String address = hex(plain);
      Path target = blobPath(address);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--------"));
      }
      Files.createDirectories(target.getParent());
      try {
        // link(2) fails when the name exists; rename(2) would replace it. Write-once needs the
        // former, also when two threads store the same content at once.
        Files.createLink(target, tmp);
        return new StoredBlob(address, size, hex(stored), true);
      } catch (FileAlreadyExistsException e) {
        return new StoredBlob(address, size, storedSha256(address), false);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The plaintext of a blob, checked against its address. */
  public byte[] read(String sha256) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copyTo(sha256, out);
    return out.toByteArray();
  }

  /** Streams a blob's plaintext; throws {@link BlobDamagedException} if it is not intact. */
  public void copyTo(String sha256, OutputStream out) throws IOException {
    requireKey();
    MessageDigest plain = sha256();
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(blobPath(sha256)))) {
      BlobFormat.decrypt(key.secretKey(), in, new DigestOutputStream(out, plain));
    }
    if (!hex(plain).equals(sha256)) {
      throw new BlobDamagedException("content does not match its address");
    }
  }

  /**
   * Checks one blob fully: the encrypted file against {@code storedSha256} and the decrypted
   * content against its address and {@code size}. Returns null when intact, else what is wrong.
   */
  public String check(String sha256, long size, String storedSha256) throws IOException {
    requireKey();
    MessageDigest stored = sha256();
    MessageDigest plain = sha256();
    long n;
    try (InputStream in =
        new DigestInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(blobPath(sha256))), stored)) {
      n =
          BlobFormat.decrypt(
              key.secretKey(), in, new DigestOutputStream(OutputStream.nullOutputStream(), plain));
      in.transferTo(OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      return "blob missing";
    } catch (BlobDamagedException e) {
      return e.getMessage();
    }
    if (storedSha256 != null && !hex(stored).equals(storedSha256)) {
      return "encrypted file differs from the one logged";
    }
    if (!hex(plain).equals(sha256)) {
      return "content does not match its address";
    }
    if (size >= 0 && n != size) {
      return "size " + n + " differs from the logged " + size;
    }
    return null;
  }

  /** Checks only the encrypted file against the logged digest: what can be done without the key. */
  public String checkStored(String sha256, String storedSha256) throws IOException {
    Path p = blobPath(sha256);
    if (!Files.isRegularFile(p)) {
      return "blob missing";
    }
    return storedSha256(sha256).equals(storedSha256)
        ? null
        : "encrypted file differs from the one logged";
  }

  /**
   * Every address in the vault, for finding blobs no log entry accounts for. A file that is not a
   * blob in its right place is listed by its path inside the vault instead, so it cannot hide.
   */
  public Stream<String> addresses() throws IOException {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    return Files.walk(dir)
        .filter(p -> !Files.isDirectory(p))
        .filter(p -> !p.startsWith(dir.resolve(TMP)))
        .map(
            p -> {
              String name = p.getFileName().toString();
              String address = name.endsWith(".blob") ? name.substring(0, name.length() - 5) : "";
              boolean blob =
                  ADDRESS.matcher(address).matches()
                      && p.equals(dir.resolve(address.substring(0, 2)).resolve(name));
              return blob ? address : dir.relativize(p).toString().replace('\\', '/');
            })
        .sorted();
  }

  private String storedSha256(String address) throws IOException {
    MessageDigest d = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(blobPath(address)), d)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return hex(d);
  }

  private void requireKey() {
    if (key == null) {
      throw new IllegalStateException("vault opened without its key");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }
}
