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
      Map<String, Object> records,
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
    final Map<String, Map<String, Object>> records = new HashMap<>();
    final Set<String> storedPaths = new HashSet<>(); // export + '/' + path
    final Set<String> notStoredPaths = new HashSet<>();
    final Map<String, String> images = new LinkedHashMap<>(); // sha256 -> path
    final Set<String> hashed = new HashSet<>();

    void see(Entry e) {
      entries++;
      String export = e.string("export") != null ? e.string("export") : lastExport;
      switch (e.type()) {
        case "case_opened" -> vaultKeyId = e.string("vault_key_id");
        case "acquisition" -> {
          export =
              e.string("export") != null
                  ? e.string("export")
                  : exportId(e.string("result_json_sha256"));
          lastExport = export;
          exports.add(export);
        }
        case "records" -> records.put(export, e.fields());
        case "stored" -> {
          storedPaths.add(export + '/' + e.string("path"));
          if ("image".equals(e.string("kind"))) {
            images.putIfAbsent(e.string("sha256"), e.string("path"));
          }
        }
        case "not_stored" -> notStoredPaths.add(export + '/' + e.string("path"));
        case "hashed", "hash_failed" -> hashed.add(e.string("sha256"));
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
    Map<String, Object> genesis = new LinkedHashMap<>();
    genesis.put("case_id", UUID.randomUUID().toString());
    genesis.put("vault_key_id", key.id());
    genesis.put("created_by", "haetae ingest");
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
      Map<String, Object> started = new LinkedHashMap<>();
      started.put("command", "ingest");
      started.put("export", export);
      started.put("export_dir", exportDir.toAbsolutePath().normalize().toString());
      started.put("resumed", resumed);
      log.append("run_started", started);
      if (!prior.exports.contains(export)) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("export", export);
        f.put("export_dir", exportDir.toAbsolutePath().normalize().toString());
        f.put("result_json_sha256", d.sha256());
        f.put("result_json_md5", d.md5());
        f.put("result_json_size", Files.size(resultJson));
        log.append("acquisition", f);
      }

      Map<String, Object> records = prior.records.get(export);
      if (records == null) {
        records = read(reader, log);
      }
      store(vault, log, prior);
      for (Map.Entry<String, String> img : prior.images.entrySet()) {
        if (hashClaims.add(img.getKey())) {
          hash(log, img.getKey(), img.getValue(), vault.read(img.getKey()));
        }
      }
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("stored", storedNow.get());
      done.put("new_blobs", newBlobs.get());
      done.put("hashed", hashed.get());
      done.put("hash_failed", hashFailures.get());
      log.append("run_completed", done);
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
  private Map<String, Object> read(ExportReader reader, CustodyLog log) throws IOException {
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
    Map<String, Object> digests = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(RecordFiles.NAMES);
    names.add("summary.json");
    for (String n : names) {
      digests.put(n, CaseVerifier.sha256(records.resolve(n)));
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("export", export);
    f.put("files", digests);
    f.put("shape", s.shape());
    f.put("chats", s.chats());
    f.put("messages", s.messages());
    f.put("media_refs", s.mediaRefs());
    f.put("findings", findings);
    f.put("complete", s.complete());
    if (!s.complete()) {
      f.put("error", s.error());
      f.put("error_offset", s.errorOffset());
    }
    log.append("records", f);
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
        log.append("not_stored", Map.of("export", export, "path", rel, "reason", skipped.get(rel)));
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
      log.append("not_stored", Map.of("export", export, "path", rel, "reason", "unreadable"));
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
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("export", export);
    f.put("path", rel);
    f.put("size", blob.size());
    f.put("sha256", blob.sha256());
    f.put("stored_sha256", blob.storedSha256());
    f.put("md5", java.util.HexFormat.of().formatHex(md5.digest()));
    f.put("kind", kind.code());
    f.put("new_blob", blob.created());
    log.append("stored", f);
    storedNow.incrementAndGet();
    if (blob.created()) {
      newBlobs.incrementAndGet();
    }
    if (kind == MediaKind.IMAGE && hashClaims.add(blob.sha256())) {
      if (bytes == null) {
        hashFailures.incrementAndGet();
        log.append("hash_failed", Map.of("sha256", blob.sha256(), "reason", "too_large"));
      } else {
        hash(log, blob.sha256(), rel, bytes);
      }
    }
  }

  private void hash(CustodyLog log, String sha256, String rel, byte[] bytes) throws IOException {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sha256", sha256);
    try {
      ImageHashes h = hashers.get().hash(Path.of(rel), bytes);
      f.put("md5", h.digests().md5());
      f.put("pdq", h.pdq().hash().toHex());
      f.put("quality", h.pdq().quality());
      f.put("format", h.format());
      f.put("width", h.width());
      f.put("height", h.height());
      log.append("hashed", f);
      hashed.incrementAndGet();
    } catch (ImageDecodeException e) {
      f.put("reason", e.failure().code());
      log.append("hash_failed", f);
      hashFailures.incrementAndGet();
    } catch (RuntimeException e) {
      // A decoder tripping over hostile bytes is a finding about that file, not the end of the run.
      f.put("reason", "decoder_error");
      log.append("hash_failed", f);
      hashFailures.incrementAndGet();
    }
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
