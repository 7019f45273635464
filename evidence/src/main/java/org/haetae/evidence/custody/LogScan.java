package org.haetae.evidence.custody;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.merkle.MerkleAccumulator;
import org.haetae.evidence.merkle.MerkleTree;

/**
 * One pass over a custody log that checks everything a log can show on its own: each line's hash,
 * the chain of {@code prev} hashes, consecutive {@code seq}, and each checkpoint's Merkle root and
 * Ed25519 signature against the key named in the first entry.
 */
public final class LogScan {
  /** Signed message of a checkpoint. Third parties rebuild it from the checkpoint's fields. */
  public static byte[] checkpointMessage(long size, String head, String root) {
    return ("haetae custody checkpoint v1\nsize="
            + size
            + "\nhead="
            + head
            + "\nroot="
            + root
            + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * What the pass found.
   *
   * @param entries intact entries
   * @param goodBytes length of the intact part of the file
   * @param tornTail bytes after the last newline (a line cut by a crash), or null
   * @param lastCheckpoint seq of the last signed checkpoint, -1 if none
   * @param publicKey base64 key from the first entry, or null
   */
  public record Result(
      long entries,
      String head,
      MerkleAccumulator tree,
      long goodBytes,
      byte[] tornTail,
      long lastCheckpoint,
      String publicKey) {}

  private LogScan() {}

  /** Checks the log, handing each intact entry to {@code each}; stops at the first broken one. */
  public static Result scan(Path file, Consumer<Entry> each) throws IOException, CustodyException {
    MerkleAccumulator tree = new MerkleAccumulator();
    String head = EntryCodec.ZERO;
    long seq = 0;
    long offset = 0;
    long lastCheckpoint = -1;
    PublicKey key = null;
    String keyText = null;
    if (!Files.exists(file)) {
      return new Result(0, head, tree, 0, null, -1, null);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      int b;
      while ((b = in.read()) >= 0) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        Entry e;
        try {
          e = EntryCodec.decode(text);
        } catch (EntryCodec.BadEntry bad) {
          throw new CustodyException(seq, offset, bad.getMessage());
        }
        if (e.seq() != seq) {
          throw new CustodyException(seq, offset, "seq " + e.seq() + " out of order");
        }
        if (!e.prev().equals(head)) {
          throw new CustodyException(seq, offset, "prev does not match the previous entry's hash");
        }
        if (seq == 0) {
          keyText = e.event() instanceof CustodyEvent.CaseOpened o ? o.signingPublicKey() : null;
          if (keyText == null) {
            throw new CustodyException(0, 0, "first entry must open the case and name its key");
          }
          try {
            key = SigningKey.publicKey(keyText);
          } catch (GeneralSecurityException ex) {
            throw new CustodyException(0, 0, "signing key in the first entry is not Ed25519");
          }
        }
        if (e.event() instanceof CustodyEvent.Checkpoint c) {
          checkCheckpoint(c, seq, offset, head, tree, key);
          lastCheckpoint = seq;
        }
        tree.add(MerkleTree.leafHash(HexFormat.of().parseHex(e.hash())));
        head = e.hash();
        each.accept(e);
        seq++;
        offset += text.length() + 1;
      }
      byte[] torn = line.size() > 0 ? line.toByteArray() : null;
      return new Result(seq, head, tree, offset, torn, lastCheckpoint, keyText);
    }
  }

  private static void checkCheckpoint(
      CustodyEvent.Checkpoint c,
      long seq,
      long offset,
      String head,
      MerkleAccumulator tree,
      PublicKey key)
      throws CustodyException {
    long size = c.size();
    String root = c.root();
    String sig = c.signature();
    if (size != seq || !head.equals(c.head())) {
      throw new CustodyException(seq, offset, "checkpoint does not cover the entries before it");
    }
    if (root == null || !root.equals(HexFormat.of().formatHex(tree.root()))) {
      throw new CustodyException(seq, offset, "checkpoint Merkle root is wrong");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(sig == null ? "" : sig);
    } catch (IllegalArgumentException ex) {
      throw new CustodyException(seq, offset, "checkpoint signature is not base64");
    }
    if (!SigningKey.verify(key, checkpointMessage(size, head, root), signature)) {
      throw new CustodyException(seq, offset, "checkpoint signature does not verify");
    }
  }
}
