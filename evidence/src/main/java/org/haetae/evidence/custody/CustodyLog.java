package org.haetae.evidence.custody;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.merkle.MerkleAccumulator;
import org.haetae.evidence.merkle.MerkleTree;

/**
 * The append-only custody log of a case: JSON lines, each chained to the previous by SHA-256, with
 * a signed checkpoint (Merkle root over all entries so far) every {@code checkpointEvery} entries
 * and whenever {@link #checkpoint()} is called. Thread-safe: appends are serialised.
 *
 * <p>Opening a log checks it whole. A last line without its newline (the process died while writing
 * it) is cut off, kept in a side file, and the repair is itself logged; any other damage is a
 * {@link CustodyException} and nothing is appended.
 */
public final class CustodyLog implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final SigningKey signer;
  private final Clock clock;
  private final int checkpointEvery;
  private final MerkleAccumulator tree;
  private String head;
  private long size;
  private long sinceCheckpoint;
  private final Repair repair;

  /**
   * A torn last line that opening the log removed.
   *
   * @param droppedBytes its length
   * @param savedAs the side file that keeps those bytes
   */
  public record Repair(long droppedBytes, String droppedSha256, Path savedAs) {}

  private CustodyLog(
      Path file,
      FileChannel channel,
      SigningKey signer,
      Clock clock,
      int checkpointEvery,
      LogScan.Result scan,
      Repair repair) {
    this.file = file;
    this.channel = channel;
    this.signer = signer;
    this.clock = clock;
    this.checkpointEvery = checkpointEvery;
    this.tree = scan.tree();
    this.head = scan.head();
    this.size = scan.entries();
    this.sinceCheckpoint = scan.lastCheckpoint() < 0 ? size : size - scan.lastCheckpoint() - 1;
    this.repair = repair;
  }

  /**
   * What a new log's {@code case_opened} entry names besides its format and signing key; any of
   * them may be null.
   */
  public record Genesis(String caseId, String vaultKeyId, String createdBy) {
    /** For writers that only ever append to an existing case. */
    public static final Genesis NONE = new Genesis(null, null, null);
  }

  /**
   * Opens (or creates) a log. A new log starts with a {@code case_opened} entry holding {@code
   * genesis} and the signer's public key. {@code each} sees every existing entry, so callers can
   * rebuild what a previous run had done.
   */
  public static CustodyLog open(
      Path file,
      SigningKey signer,
      Genesis genesis,
      int checkpointEvery,
      Clock clock,
      Consumer<Entry> each)
      throws IOException, CustodyException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    LogScan.Result scan = LogScan.scan(file, each);
    if (scan.publicKey() != null && !scan.publicKey().equals(signer.publicKeyBase64())) {
      throw new CustodyException(
          0, 0, "this case was opened with another signing key; use the key it was created with");
    }
    Repair repair = null;
    if (scan.tornTail() != null) {
      Path side = file.resolveSibling(file.getFileName() + ".torn-" + scan.entries());
      Files.write(side, scan.tornTail());
      repair =
          new Repair(
              scan.tornTail().length,
              EntryCodec.sha256(new String(scan.tornTail(), StandardCharsets.ISO_8859_1)),
              side);
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    ch.truncate(scan.goodBytes());
    ch.position(scan.goodBytes());
    CustodyLog log = new CustodyLog(file, ch, signer, clock, checkpointEvery, scan, repair);
    if (log.size == 0) {
      log.appendOwn(
          new CustodyEvent.CaseOpened(
              CustodyEvent.CaseOpened.FORMAT,
              genesis.caseId(),
              genesis.vaultKeyId(),
              genesis.createdBy(),
              signer.publicKeyBase64()));
    }
    if (repair != null) {
      log.appendOwn(
          new CustodyEvent.LogRepaired(
              repair.droppedBytes(), repair.droppedSha256(), side(repair)));
    }
    return log;
  }

  private static String side(Repair r) {
    return r.savedAs().getFileName().toString();
  }

  /** The repair made on opening, or null when the log was whole. */
  public Repair repair() {
    return repair;
  }

  public synchronized long size() {
    return size;
  }

  public synchronized String head() {
    return head;
  }

  public Path file() {
    return file;
  }

  /** Appends one entry; the line is on disk (in the OS) when this returns. */
  public synchronized Entry append(CustodyEvent event) throws IOException {
    switch (event) {
      case CustodyEvent.Checkpoint c ->
          throw new IllegalArgumentException("checkpoints are made by checkpoint()");
      case CustodyEvent.CaseOpened c ->
          throw new IllegalArgumentException("the log opens the case itself");
      case CustodyEvent.LogRepaired r ->
          throw new IllegalArgumentException("the log logs its own repairs");
      case CustodyEvent.Unknown u ->
          throw new IllegalArgumentException("cannot log an event of unknown type " + u.type());
      default -> {}
    }
    return appendOwn(event);
  }

  private Entry appendOwn(CustodyEvent event) throws IOException {
    Entry e = write(event);
    if (++sinceCheckpoint >= checkpointEvery) {
      checkpoint();
    }
    return e;
  }

  /** Merkle root over every entry so far, hex: what the next checkpoint signs. */
  public synchronized String root() {
    return HexFormat.of().formatHex(tree.root());
  }

  /** Signs the current state: Merkle root over every entry so far, and the head hash. */
  public synchronized Entry checkpoint() throws IOException {
    String root = root();
    byte[] sig = signer.sign(LogScan.checkpointMessage(size, head, root));
    Entry e =
        write(
            new CustodyEvent.Checkpoint(size, head, root, Base64.getEncoder().encodeToString(sig)));
    // Make everything up to a checkpoint survive a power cut, not only a killed process.
    channel.force(false);
    sinceCheckpoint = 0;
    return e;
  }

  private Entry write(CustodyEvent event) throws IOException {
    String time = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    String body = EntryCodec.body(size, time, event.type(), head, EventCodec.encode(event));
    String hash = EntryCodec.sha256(body);
    String line = EntryCodec.line(body, hash);
    // One write call per line: a killed process leaves whole lines, at worst a torn last one.
    ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    tree.add(MerkleTree.leafHash(HexFormat.of().parseHex(hash)));
    head = hash;
    Entry e;
    try {
      e = EntryCodec.decode(line);
    } catch (EntryCodec.BadEntry bad) {
      throw new IllegalStateException("wrote an unreadable entry: " + bad.getMessage());
    }
    size++;
    return e;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.force(false);
    channel.close();
  }
}
