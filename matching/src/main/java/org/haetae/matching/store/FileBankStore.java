package org.haetae.matching.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankInfo;
import org.haetae.matching.bank.BankNames;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.bank.StoredEntry;

/**
 * Banks as folders of append-only segment files:
 *
 * <pre>
 * ROOT/NAME/bank.properties     enabled flag, creation time
 * ROOT/NAME/00000001.seg        one per import (see SegmentFile)
 * </pre>
 *
 * An import writes its segment under a temporary name, forces it to disk and renames it into place;
 * a new bank is assembled in a temporary folder and renamed as a whole. A crash therefore leaves
 * either the old bank or the new one, plus temporary litter that the next change sweeps away.
 * Changes take an exclusive file lock, so two processes cannot interleave imports.
 */
public final class FileBankStore implements BankStore {
  private static final String PROPERTIES = "bank.properties";
  private static final String SEGMENT_SUFFIX = ".seg";
  private static final String TEMP_PREFIX = ".tmp-";

  private final Path root;

  /**
   * @param root folder holding one sub-folder per bank (created on first import)
   */
  public FileBankStore(Path root) {
    this.root = root;
  }

  @Override
  public List<BankInfo> list() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<BankInfo> banks = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(dir.resolve(PROPERTIES))) {
          banks.add(info(name, dir));
        }
      }
    }
    banks.sort(Comparator.comparing(BankInfo::name));
    return banks;
  }

  @Override
  public Optional<BankInfo> find(String bank) throws IOException {
    Path dir = bankDir(bank);
    return Files.isRegularFile(dir.resolve(PROPERTIES))
        ? Optional.of(info(bank, dir))
        : Optional.empty();
  }

  @Override
  public AppendResult append(String bank, Provenance provenance, EntryProducer producer)
      throws IOException {
    Path dir = bankDir(bank);
    Files.createDirectories(root);
    try (Lock lock = lock()) {
      sweepLitter(dir);
      boolean exists = Files.isRegularFile(dir.resolve(PROPERTIES));
      Set<BankEntry.Key> seen = new HashSet<>();
      long existing = 0;
      int nextSegment = 1;
      if (exists) {
        List<Path> segments = segments(dir);
        long[] count = {0};
        for (Path s : segments) {
          SegmentFile.read(
              s,
              e -> {
                seen.add(e.entry().key());
                count[0]++;
              });
        }
        existing = count[0];
        nextSegment = segments.isEmpty() ? 1 : segmentNumber(segments.getLast()) + 1;
      }
      Path staging = exists ? dir : root.resolve(TEMP_PREFIX + bank + "-" + UUID.randomUUID());
      if (!exists) {
        Files.createDirectory(staging);
        writeProperties(staging, true, provenance.importedAt());
      }
      Path temp = staging.resolve(TEMP_PREFIX + UUID.randomUUID() + SEGMENT_SUFFIX);
      long firstId = existing + 1;
      long[] duplicates = {0};
      boolean committed = false;
      try {
        long added;
        try (SegmentFile.Writer writer = SegmentFile.create(temp, provenance, firstId)) {
          producer.produce(
              entry -> {
                if (!seen.add(entry.key())) {
                  duplicates[0]++;
                  return;
                }
                try {
                  writer.add(entry);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
          writer.finish();
          added = writer.count();
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        if (added == 0 && exists) {
          // Nothing new: leave the bank untouched rather than add an empty segment.
          Files.delete(temp);
          committed = true;
          return new AppendResult(0, duplicates[0], firstId);
        }
        move(temp, staging.resolve(String.format("%08d", nextSegment) + SEGMENT_SUFFIX));
        if (!exists) {
          move(staging, dir);
        }
        committed = true;
        return new AppendResult(added, duplicates[0], firstId);
      } finally {
        if (!committed) {
          Files.deleteIfExists(temp);
          if (!exists) {
            deleteTree(staging);
          }
        }
      }
    }
  }

  @Override
  public void forEach(String bank, Consumer<StoredEntry> consumer) throws IOException {
    Path dir = requireBank(bank);
    for (Path s : segments(dir)) {
      SegmentFile.read(s, consumer);
    }
  }

  @Override
  public void setEnabled(String bank, boolean enabled) throws IOException {
    Path dir = requireBank(bank);
    try (Lock lock = lock()) {
      Properties p = readProperties(dir);
      Instant created = Instant.parse(p.getProperty("created"));
      Path temp = dir.resolve(TEMP_PREFIX + PROPERTIES);
      Files.deleteIfExists(temp);
      writeProperties(dir, enabled, created);
    }
  }

  @Override
  public boolean remove(String bank) throws IOException {
    Path dir = bankDir(bank);
    if (!Files.isDirectory(root)) {
      return false;
    }
    try (Lock lock = lock()) {
      if (!Files.isRegularFile(dir.resolve(PROPERTIES))) {
        return false;
      }
      // Rename first, so the bank vanishes at once even if deleting its files is interrupted.
      Path trash = root.resolve(TEMP_PREFIX + "removed-" + UUID.randomUUID());
      move(dir, trash);
      deleteTree(trash);
      return true;
    }
  }

  private BankInfo info(String name, Path dir) throws IOException {
    Properties p = readProperties(dir);
    long entries = 0;
    List<Path> segments = segments(dir);
    for (Path s : segments) {
      entries += SegmentFile.count(s);
    }
    return new BankInfo(
        name,
        Boolean.parseBoolean(p.getProperty("enabled", "true")),
        Instant.parse(p.getProperty("created")),
        entries,
        segments.size());
  }

  private Path bankDir(String bank) {
    return root.resolve(BankNames.check(bank));
  }

  private Path requireBank(String bank) throws IOException {
    Path dir = bankDir(bank);
    if (!Files.isRegularFile(dir.resolve(PROPERTIES))) {
      throw new NoSuchBankException(bank);
    }
    return dir;
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(SEGMENT_SUFFIX))
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static int segmentNumber(Path segment) {
    String n = segment.getFileName().toString();
    return Integer.parseInt(n.substring(0, n.length() - SEGMENT_SUFFIX.length()));
  }

  private static Properties readProperties(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    if (p.getProperty("created") == null) {
      throw new CorruptBankException(
          "bank folder " + dir.getFileName() + " lacks its creation time");
    }
    return p;
  }

  /** Replaces bank.properties atomically (write aside, force, rename). */
  private static void writeProperties(Path dir, boolean enabled, Instant created)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("enabled", Boolean.toString(enabled));
    p.setProperty("created", created.toString());
    Path temp = dir.resolve(TEMP_PREFIX + PROPERTIES);
    try (FileChannel ch =
            FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Writer w =
            new java.io.OutputStreamWriter(
                java.nio.channels.Channels.newOutputStream(ch), StandardCharsets.UTF_8)) {
      p.store(w, "Haetae bank");
      w.flush();
      ch.force(true);
    }
    move(temp, dir.resolve(PROPERTIES));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the data directory's file system cannot rename atomically", e);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("bank changed concurrently: " + to.getFileName() + " exists", e);
    }
  }

  /** Removes what an interrupted import or removal left behind. */
  private void sweepLitter(Path dir) throws IOException {
    for (Path parent : List.of(root, dir)) {
      if (!Files.isDirectory(parent)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(parent, TEMP_PREFIX + "*")) {
        for (Path f : files) {
          deleteTree(f);
        }
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (NoSuchFileException e) {
          // Already gone: fine.
        }
      }
    }
  }

  private Lock lock() throws IOException {
    Files.createDirectories(root);
    FileChannel ch =
        FileChannel.open(
            root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return new Lock(ch, ch.lock());
  }

  private record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }
}
