package org.haetae.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.CustodyLog;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.evidence.vault.StoredBlob;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.ImageHasher;
import org.haetae.hashing.ImageHashes;
import org.haetae.hashing.digest.ContentDigests;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.telegram.read.ExportReader;
import org.haetae.telegram.read.ReadSummary;
import org.haetae.telegram.read.ReaderOptions;

/**
 * The ingest pipeline: acquire the export ({@code result.json} digests), read it into record files,
 * store every file of the export folder in the vault, hash every image, and log each step.
 *
 * <p>Every step is logged after its effect is on disk, and a run starts by replaying the log, so a
 * run killed at any point resumes where the log says it stopped: a file whose {@code stored} entry
 * is missing is stored again (the vault already has it or writes it once), an image whose {@code
 * hashed} entry is missing is hashed from the vault, and record files without their {@code records}
 * entry are written again from scratch.
 */
public final class Ingestion {
  // Files up to this size are read once into memory for storing and hashing together.
  private static final long IN_MEMORY = 32L << 20;

  /**
   * @param durable force blobs to disk before logging them (survives power loss, not just kill)
   */
  public record Options(
      int threads,
      boolean durable,
      int checkpointEvery,
      ReaderOptions reader,
      ProgressSink progress) {
    public static Options defaults() {
      return new Options(
          Runtime.getRuntime().availableProcessors(),
          true,
          1000,
          ReaderOptions.DEFAULT,
          ProgressSink.SILENT);
    }
  }

  /**
   * What a run did and found.
   *
   * @param export the export's id in the case ({@link #exportId})
   * @param storedNow files stored by this run; {@code storedBefore} by earlier runs
   * @param notStored files of the export left out (symbolic links, devices), each logged
   */
  public record Result(
      String export,
      boolean resumed,
      CustodyLog.Repair repair,
      CustodyEvent.Records records,
      long storedNow,
      long storedBefore,
      long newBlobs,
      long imagesHashed,
      long hashFailures,
      long notStored,
      long entries,
      String head) {}

  private final Path exportDir;
  private final CaseFolder folder;
  private final VaultKey key;
  private final SigningKey signer;
  private final Options options;

  private String export;
  private final AtomicLong notStored = new AtomicLong();
  private final AtomicLong storedNow = new AtomicLong();
  private final AtomicLong newBlobs = new AtomicLong();
  private final AtomicLong hashed = new AtomicLong();
  private final AtomicLong hashFailures = new AtomicLong();
  private final Set<String> hashClaims = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<ImageHasher> hashers = ThreadLocal.withInitial(ImageHasher::new);

  public Ingestion(
      Path exportDir, CaseFolder folder, VaultKey key, SigningKey signer, Options options) {
    this.exportDir = exportDir;
    this.folder = folder;
    this.key = key;
    this.signer = signer;
    this.options = options;
  }

  /** What earlier runs did, rebuilt from the custody log. */
  private static final class Prior {
    long entries;
    String vaultKeyId;
    // Entries of cases from before several exports per case carry no export id: they belong to
    // the export of the acquisition before them.
    String lastExport;
    final Set<String> exports = new HashSet<>();
    final Map<String, CustodyEvent.Records> records = new HashMap<>();
    final Set<String> storedPaths = new HashSet<>(); // export + '/' + path
    final Set<String> notStoredPaths = new HashSet<>();
    final Map<String, String> images = new LinkedHashMap<>(); // sha256 -> path
    final Set<String> hashed = new HashSet<>();

    void see(Entry entry) {
      entries++;
      CustodyEvent event = entry.event();
      String export =
          event instanceof CustodyEvent.OfExport x && x.export() != null ? x.export() : lastExport;
      switch (event) {
        case CustodyEvent.CaseOpened o -> vaultKeyId = o.vaultKeyId();
        case CustodyEvent.Acquisition a -> {
          export = a.export() != null ? a.export() : exportId(a.resultJsonSha256());
          lastExport = export;
          exports.add(export);
        }
        case CustodyEvent.Records r -> records.put(export, r);
        case CustodyEvent.Stored st -> {
          storedPaths.add(export + '/' + st.path());
          if ("image".equals(st.kind())) {
            images.putIfAbsent(st.sha256(), st.path());
          }
        }
        case CustodyEvent.NotStored n -> notStoredPaths.add(export + '/' + n.path());
        case CustodyEvent.Hashed h -> hashed.add(h.sha256());
        case CustodyEvent.HashFailed h -> hashed.add(h.sha256());
        default -> {}
      }
    }
  }

  /** The id a case gives an export: the first 12 hex digits of its result.json's SHA-256. */
  public static String exportId(String resultJsonSha256) {
    return resultJsonSha256 == null ? null : resultJsonSha256.substring(0, 12);
  }

  public Result run() throws IOException, CustodyException {
    ExportReader reader = new ExportReader(exportDir, options.reader());
    Path resultJson;
    try {
      resultJson = reader.resultJson();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(
          exportDir + ": no result.json here (only Telegram Desktop's JSON export is supported)");
    }
    try (CaseFolder.Lock lock = folder.tryLock()) {
      if (lock == null) {
        throw new InputException(folder.dir() + ": another process is ingesting into this case");
      }
      return runLocked(reader, resultJson);
    }
  }

  private Result runLocked(ExportReader reader, Path resultJson)
      throws IOException, CustodyException {
    Prior prior = new Prior();
    CustodyLog.Genesis genesis =
        new CustodyLog.Genesis(UUID.randomUUID().toString(), key.id(), "haetae ingest");
    try (CustodyLog log =
        CustodyLog.open(
            folder.custodyLog(),
            signer,
            genesis,
            options.checkpointEvery(),
            Clock.systemUTC(),
            prior::see)) {
      if (prior.vaultKeyId != null && !prior.vaultKeyId.equals(key.id())) {
        throw new InputException(
            "the vault key is not this case's key (case key id "
                + prior.vaultKeyId
                + ", given "
                + key.id()
                + ")");
      }
      hashClaims.addAll(prior.hashed);
      Vault vault = new Vault(folder.evidence(), key, options.durable());
      vault.removeLeftovers();
      ContentDigests d = ContentDigests.of(resultJson);
      export = exportId(d.sha256());
      boolean resumed = prior.exports.contains(export);
      String dir = exportDir.toAbsolutePath().normalize().toString();
      log.append(new CustodyEvent.RunStarted("ingest", export, dir, resumed));
      if (!prior.exports.contains(export)) {
        log.append(
            new CustodyEvent.Acquisition(export, dir, d.sha256(), d.md5(), Files.size(resultJson)));
      }

      CustodyEvent.Records records = prior.records.get(export);
      if (records == null) {
        records = read(reader, log);
      }
      store(vault, log, prior);
      for (Map.Entry<String, String> img : prior.images.entrySet()) {
        if (hashClaims.add(img.getKey())) {
          hash(log, img.getKey(), img.getValue(), vault.read(img.getKey()));
        }
      }
      log.append(
          new CustodyEvent.RunCompleted(
              storedNow.get(), newBlobs.get(), hashed.get(), hashFailures.get()));
      log.checkpoint();
      return new Result(
          export,
          resumed,
          log.repair(),
          records,
          storedNow.get(),
          prior.storedPaths.stream().filter(x -> x.startsWith(export + '/')).count(),
          newBlobs.get(),
          hashed.get(),
          hashFailures.get(),
          notStored.get(),
          log.size(),
          log.head());
    }
  }

  /** Reads the export into record files and logs their digests. */
  private CustodyEvent.Records read(ExportReader reader, CustodyLog log) throws IOException {
    Path partial = folder.partialRecords(export);
    Path records = folder.records(export);
    deleteTree(partial);
    // Records without a "records" entry come from a run killed before it could log them.
    deleteTree(records);
    ReadSummary s;
    Map<String, Long> findings;
    try (RecordFiles files = new RecordFiles(partial)) {
      s = reader.read(files);
      files.summary(s);
      findings = files.findingsByKind();
    }
    Files.createDirectories(folder.records());
    Files.move(partial, records, StandardCopyOption.ATOMIC_MOVE);
    try (Stream<Path> left = Files.list(folder.partialRecords())) {
      if (left.findAny().isEmpty()) {
        Files.delete(folder.partialRecords());
      }
    }
    Map<String, String> digests = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(RecordFiles.NAMES);
    names.add("summary.json");
    for (String n : names) {
      digests.put(n, CaseVerifier.sha256(records.resolve(n)));
    }
    CustodyEvent.Records f =
        new CustodyEvent.Records(
            export,
            digests,
            s.shape(),
            s.chats(),
            s.messages(),
            s.mediaRefs(),
            findings,
            s.complete(),
            s.complete() ? null : s.error(),
            s.complete() ? null : s.errorOffset());
    log.append(f);
    return f;
  }

  /** Stores every file of the export folder not stored yet; images are hashed on the way. */
  private void store(Vault vault, CustodyLog log, Prior prior) throws IOException {
    List<String> files = new ArrayList<>();
    Map<String, String> skipped = new HashMap<>();
    // The export folder itself may be reached through a link; what is inside it is not followed.
    Path root = exportDir.toRealPath();
    Path caseDir = folder.dir().toRealPath();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
            // A case folder placed inside the export must not swallow itself.
            return dir.equals(caseDir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
            String rel = relative(root, file);
            if (a.isRegularFile()) {
              files.add(rel);
            } else {
              skipped.put(rel, a.isSymbolicLink() ? "symlink" : "not_a_regular_file");
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            skipped.put(relative(root, file), "unreadable");
            return FileVisitResult.CONTINUE;
          }
        });
    List<String> skippedPaths = new ArrayList<>(skipped.keySet());
    Collections.sort(skippedPaths);
    for (String rel : skippedPaths) {
      notStored.incrementAndGet();
      if (!prior.notStoredPaths.contains(export + '/' + rel)) {
        log.append(new CustodyEvent.NotStored(export, rel, skipped.get(rel)));
      }
    }
    files.sort(Comparator.naturalOrder());
    List<String> todo =
        files.stream().filter(f -> !prior.storedPaths.contains(export + '/' + f)).toList();
    int threads = Math.max(1, options.threads());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "haetae-ingest");
              t.setDaemon(true);
              return t;
            });
    Semaphore inFlight = new Semaphore(threads + 1);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (ProgressSink.Task progress = options.progress().start("ingest", todo.size())) {
      for (String rel : todo) {
        if (failure.get() != null) {
          break;
        }
        inFlight.acquireUninterruptibly();
        pool.execute(
            () -> {
              try {
                storeOne(vault, log, rel, root.resolve(rel));
              } catch (Exception e) {
                failure.compareAndSet(null, e);
              } finally {
                inFlight.release();
                progress.advance(1);
              }
            });
      }
      pool.shutdown();
      try {
        pool.awaitTermination(365, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    } finally {
      pool.shutdownNow();
    }
    Exception e = failure.get();
    if (e instanceof IOException io) {
      throw io;
    }
    if (e != null) {
      throw new IllegalStateException(e);
    }
  }

  private void storeOne(Vault vault, CustodyLog log, String rel, Path file) throws IOException {
    long size;
    byte[] bytes = null;
    InputStream stream = null;
    try {
      size = Files.size(file);
      if (size <= IN_MEMORY) {
        bytes = Files.readAllBytes(file);
      } else {
        stream = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      // Gone or unreadable since the folder was listed: a fact about the export, not a failure.
      notStored.incrementAndGet();
      log.append(new CustodyEvent.NotStored(export, rel, "unreadable"));
      return;
    }
    MediaKind kind;
    StoredBlob blob;
    // MD5 of every file, not only images: banks list videos by MD5 (HMA's video_md5).
    java.security.MessageDigest md5 = md5();
    if (bytes != null) {
      kind = MediaKind.sniff(bytes, bytes.length);
      blob = vault.put(bytes);
      md5.update(bytes);
    } else {
      try (InputStream in =
          new java.io.BufferedInputStream(
              new java.security.DigestInputStream(stream, md5), 1 << 16)) {
        in.mark(16);
        byte[] head = new byte[16];
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        kind = MediaKind.sniff(head, n);
        blob = vault.put(in);
      }
    }
    log.append(
        new CustodyEvent.Stored(
            export,
            rel,
            blob.size(),
            blob.sha256(),
            blob.storedSha256(),
            java.util.HexFormat.of().formatHex(md5.digest()),
            kind.code(),
            blob.created()));
    storedNow.incrementAndGet();
    if (blob.created()) {
      newBlobs.incrementAndGet();
    }
    if (kind == MediaKind.IMAGE && hashClaims.add(blob.sha256())) {
      if (bytes == null) {
        hashFailures.incrementAndGet();
        log.append(new CustodyEvent.HashFailed(blob.sha256(), "too_large", null));
      } else {
        hash(log, blob.sha256(), rel, bytes);
      }
    }
  }

  private void hash(CustodyLog log, String sha256, String rel, byte[] bytes) throws IOException {
    try {
      ImageHashes h = hashers.get().hash(Path.of(rel), bytes);
      log.append(
          new CustodyEvent.Hashed(
              sha256,
              h.digests().md5(),
              h.pdq().hash().toHex(),
              h.pdq().quality(),
              h.format(),
              h.width(),
              h.height()));
      hashed.incrementAndGet();
    } catch (ImageDecodeException e) {
      log.append(new CustodyEvent.HashFailed(sha256, e.failure().code(), null));
      hashFailures.incrementAndGet();
    } catch (RuntimeException e) {
      // A decoder tripping over hostile bytes is a finding about that file, not the end of the run;
      // what it threw is kept, so the failure can be reproduced and reported upstream.
      log.append(new CustodyEvent.HashFailed(sha256, "decoder_error", decoderError(e)));
      hashFailures.incrementAndGet();
    }
  }

  /**
   * The exception a decoder threw, as its class and message, cut to 200 characters and to printable
   * ASCII: enough to reproduce the failure, never a piece of the file.
   */
  static String decoderError(RuntimeException e) {
    String s = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
    for (int i = 0; i < s.length() && b.length() < 200; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  private static java.security.MessageDigest md5() {
    try {
      return java.security.MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
