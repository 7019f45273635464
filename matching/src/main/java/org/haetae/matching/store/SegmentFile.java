package org.haetae.matching.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.bank.StoredEntry;

/**
 * One import's entries in one immutable file: header (provenance, first id), entries, then a
 * trailer of entry count and CRC-32C. Written under a temporary name and renamed into place, so a
 * segment is either complete or absent; the checksum catches damage after the fact.
 */
final class SegmentFile {
  private static final byte[] MAGIC = "HTBANK1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int ENTRY = 1;
  private static final int END = 0;
  private static final int HAS_PDQ = 1;
  private static final int HAS_MD5 = 2;
  private static final int HAS_SHA256 = 4;
  private static final HexFormat HEX = HexFormat.of();

  private SegmentFile() {}

  /** Streams entries into a new file at {@code target}; {@link Writer#finish} makes it whole. */
  static Writer create(Path target, Provenance provenance, long firstId) throws IOException {
    FileChannel channel =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    CheckedOutputStream checked =
        new CheckedOutputStream(
            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), new CRC32C());
    DataOutputStream out = new DataOutputStream(checked);
    out.write(MAGIC);
    out.writeUTF(provenance.sourceFile());
    out.writeUTF(provenance.sourceSha256());
    out.writeUTF(provenance.format().id());
    out.writeUTF(provenance.importedBy());
    out.writeLong(provenance.importedAt().toEpochMilli());
    out.writeLong(firstId);
    return new Writer(channel, checked, out);
  }

  static final class Writer implements AutoCloseable {
    private final FileChannel channel;
    private final CheckedOutputStream checked;
    private final DataOutputStream out;
    private long count;

    private Writer(FileChannel channel, CheckedOutputStream checked, DataOutputStream out) {
      this.channel = channel;
      this.checked = checked;
      this.out = out;
    }

    void add(BankEntry e) throws IOException {
      out.writeByte(ENTRY);
      int flags =
          (e.pdq() != null ? HAS_PDQ : 0)
              | (e.md5() != null ? HAS_MD5 : 0)
              | (e.sha256() != null ? HAS_SHA256 : 0);
      out.writeByte(flags);
      if (e.pdq() != null) {
        for (long w : e.pdq().words()) {
          out.writeLong(w);
        }
        out.writeByte(e.quality());
      }
      if (e.md5() != null) {
        out.write(HEX.parseHex(e.md5()));
      }
      if (e.sha256() != null) {
        out.write(HEX.parseHex(e.sha256()));
      }
      out.writeUTF(e.sourceId());
      out.writeShort(e.labels().size());
      for (Map.Entry<String, String> l : e.labels().entrySet()) {
        out.writeUTF(l.getKey());
        out.writeUTF(l.getValue());
      }
      count++;
    }

    /** Writes the trailer and forces the bytes to disk. */
    void finish() throws IOException {
      out.writeByte(END);
      out.writeLong(count);
      out.flush();
      long crc = checked.getChecksum().getValue();
      out.writeLong(crc);
      out.flush();
      channel.force(true);
    }

    long count() {
      return count;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** The number of entries, read from the trailer without reading the entries. */
  static long count(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      if (raf.length() < MAGIC.length + 17) {
        throw new CorruptBankException("bank segment " + file.getFileName() + " is truncated");
      }
      raf.seek(raf.length() - 16);
      return raf.readLong();
    }
  }

  /** Reads every entry, checking the checksum at the end; ids come from the header. */
  static void read(Path file, Consumer<StoredEntry> consumer) throws IOException {
    String name = file.getFileName().toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
      DataInputStream in = new DataInputStream(checked);
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptBankException("bank segment " + name + " is not a Haetae bank file");
      }
      Provenance provenance =
          new Provenance(
              in.readUTF(),
              in.readUTF(),
              BankFormat.fromId(in.readUTF()),
              in.readUTF(),
              Instant.ofEpochMilli(in.readLong()));
      long id = in.readLong();
      long count = 0;
      while (true) {
        int marker = in.readUnsignedByte();
        if (marker == END) {
          break;
        }
        if (marker != ENTRY) {
          throw new CorruptBankException("bank segment " + name + " is damaged");
        }
        consumer.accept(new StoredEntry(id++, readEntry(in), provenance));
        count++;
      }
      long declared = in.readLong();
      long crc = checked.getChecksum().getValue();
      long stored = in.readLong();
      if (declared != count || crc != stored) {
        throw new CorruptBankException("bank segment " + name + " fails its checksum");
      }
    } catch (EOFException | IllegalArgumentException e) {
      throw new CorruptBankException("bank segment " + name + " is truncated or damaged");
    }
  }

  private static BankEntry readEntry(DataInputStream in) throws IOException {
    int flags = in.readUnsignedByte();
    Hash256 pdq = null;
    int quality = -1;
    if ((flags & HAS_PDQ) != 0) {
      pdq = new Hash256(in.readLong(), in.readLong(), in.readLong(), in.readLong());
      quality = in.readByte();
    }
    String md5 = (flags & HAS_MD5) != 0 ? HEX.formatHex(in.readNBytes(16)) : null;
    String sha256 = (flags & HAS_SHA256) != 0 ? HEX.formatHex(in.readNBytes(32)) : null;
    if ((md5 != null && md5.length() != 32) || (sha256 != null && sha256.length() != 64)) {
      throw new EOFException();
    }
    String sourceId = in.readUTF();
    int labels = in.readUnsignedShort();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return new BankEntry(pdq, quality, md5, sha256, sourceId, map);
  }
}
