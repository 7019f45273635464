package org.haetae.evidence.custody;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of custody log entry, one record each, in one file so that a change to an event shows
 * every writer and, through the exhaustive switches, every reader. {@link EventCodec} is the one
 * place that knows their JSON keys; the lines it writes are exactly those written before the events
 * were typed, so every existing case still verifies.
 *
 * <p>A value that is absent from a line (logs of older versions) is null; for a number that every
 * writer logs, -1. A line of a type this version does not know decodes to {@link Unknown}.
 */
public sealed interface CustodyEvent {
  /** The entry's {@code type} member. */
  String type();

  /** An event about one export of the case. Older logs name none: see {@link #export()}. */
  sealed interface OfExport extends CustodyEvent {
    /**
     * The export's id, or null in logs from before several exports per case: such an entry belongs
     * to the export of the last {@link Acquisition} before it.
     */
    String export();
  }

  /** The first entry: the case, its vault key and the key that signs the log. */
  record CaseOpened(
      String format, String caseId, String vaultKeyId, String createdBy, String signingPublicKey)
      implements CustodyEvent {
    public static final String FORMAT = "haetae-custody-v1";

    @Override
    public String type() {
      return "case_opened";
    }
  }

  /** Opening the log cut off a torn last line and kept it in a side file. */
  record LogRepaired(long droppedBytes, String droppedSha256, String savedAs)
      implements CustodyEvent {
    @Override
    public String type() {
      return "log_repaired";
    }
  }

  /** An ingest run began; {@code resumed} when the export was acquired by an earlier run. */
  record RunStarted(String command, String export, String exportDir, boolean resumed)
      implements OfExport {
    @Override
    public String type() {
      return "run_started";
    }
  }

  /** An export entered the case: the digests of its {@code result.json}. */
  record Acquisition(
      String export,
      String exportDir,
      String resultJsonSha256,
      String resultJsonMd5,
      Long resultJsonSize)
      implements OfExport {
    @Override
    public String type() {
      return "acquisition";
    }
  }

  /**
   * The export was read into record files.
   *
   * @param files record file name to its SHA-256 (null where a line holds no string)
   * @param findings reader findings by kind
   * @param complete false when the reader stopped early; then {@code error} and {@code errorOffset}
   *     say where and why
   */
  record Records(
      String export,
      Map<String, String> files,
      String shape,
      long chats,
      long messages,
      long mediaRefs,
      Map<String, Long> findings,
      boolean complete,
      String error,
      Long errorOffset)
      implements OfExport {
    public Records {
      files = ordered(files);
      findings = ordered(findings);
    }

    @Override
    public String type() {
      return "records";
    }
  }

  /** A file of the export is in the vault. {@code kind} is {@code image}, {@code video}, .... */
  record Stored(
      String export,
      String path,
      long size,
      String sha256,
      String storedSha256,
      String md5,
      String kind,
      Boolean newBlob)
      implements OfExport {
    @Override
    public String type() {
      return "stored";
    }
  }

  /** A file of the export left out ({@code symlink}, {@code not_a_regular_file}, ...). */
  record NotStored(String export, String path, String reason) implements OfExport {
    @Override
    public String type() {
      return "not_stored";
    }
  }

  /** An image's hashes. */
  record Hashed(
      String sha256, String md5, String pdq, int quality, String format, long width, long height)
      implements CustodyEvent {
    @Override
    public String type() {
      return "hashed";
    }
  }

  /**
   * An image that could not be hashed.
   *
   * @param reason a decode failure code, {@code too_large} or {@code decoder_error}
   * @param detail for a {@code decoder_error}, the exception the decoder threw (its class and
   *     message, never file content); else null
   */
  record HashFailed(String sha256, String reason, String detail) implements CustodyEvent {
    @Override
    public String type() {
      return "hash_failed";
    }
  }

  /** An ingest run finished; counts of what it did. */
  record RunCompleted(long stored, long newBlobs, long hashed, long hashFailed)
      implements CustodyEvent {
    @Override
    public String type() {
      return "run_completed";
    }
  }

  /**
   * A scan matched every stored file against the banks (and, with {@code faces}, searched images
   * for enrolled faces).
   */
  record Matched(
      String command,
      List<String> banks,
      long maxDistance,
      long minQuality,
      long files,
      long filesMatched,
      FaceStage faces,
      List<LexiconUsed> lexicons)
      implements CustodyEvent {
    public Matched {
      banks = banks == null ? null : List.copyOf(banks);
      lexicons = lexicons == null ? null : List.copyOf(lexicons);
    }

    /** Without a record of the lexicons (as logged before they were). */
    public Matched(
        String command,
        List<String> banks,
        long maxDistance,
        long minQuality,
        long files,
        long filesMatched,
        FaceStage faces) {
      this(command, banks, maxDistance, minQuality, files, filesMatched, faces, null);
    }

    @Override
    public String type() {
      return "matched";
    }
  }

  /**
   * A lexicon the analysis read the messages with, part of {@link Matched}: which words were looked
   * for, by name, version and the SHA-256 of the file.
   */
  record LexiconUsed(String name, String version, String sha256, long rules) {}

  /** The face stage's settings and counts, part of {@link Matched}. */
  record FaceStage(
      List<String> banks,
      double threshold,
      String fingerprint,
      long imagesLookedAt,
      long imagesWithFaceCandidates) {
    public FaceStage {
      banks = banks == null ? null : List.copyOf(banks);
    }
  }

  /** What the face stage made of one image: {@link Faces} or {@link FacesFailed}. */
  sealed interface FaceOutcome extends CustodyEvent {
    String sha256();

    /** The models and banks the image was looked at with; a different one looks again. */
    String fingerprint();
  }

  /**
   * The face stage's result for one image: the faces found, the explicit-content scores, and the
   * enrolled faces within the threshold. Descriptors are never logged.
   *
   * @param explicit null when no classifier ran
   * @param synthetic the synthetic-media score, or null
   */
  record Faces(
      String sha256,
      String fingerprint,
      String detector,
      String embedder,
      long width,
      long height,
      List<FaceBox> faces,
      ExplicitScores explicit,
      Double synthetic,
      List<FaceHit> hits)
      implements FaceOutcome {
    public Faces {
      faces = faces == null ? List.of() : List.copyOf(faces);
      hits = hits == null ? List.of() : List.copyOf(hits);
    }

    @Override
    public String type() {
      return "faces";
    }
  }

  /** A face box in pixels; {@code score} the detector's confidence, null in a hit. */
  record FaceBox(long x, long y, long width, long height, Double score) {}

  /** The classifier's scores by class, and the explicit score made from them. */
  record ExplicitScores(String classifier, Map<String, Double> classes, double explicit) {
    public ExplicitScores {
      classes = ordered(classes);
    }
  }

  /** An enrolled face close enough to a face in the image. */
  record FaceHit(
      String bank, String person, double distance, double similarity, long rank, FaceBox box) {}

  /** An image that hashed but would not go through the face models. */
  record FacesFailed(String sha256, String fingerprint, String reason) implements FaceOutcome {
    @Override
    public String type() {
      return "faces_failed";
    }
  }

  /** A scan's outputs, bound to the log by digest: file (relative to the case) to SHA-256. */
  record Outputs(String command, Map<String, String> files, long accounts, long matches)
      implements CustodyEvent {
    public Outputs {
      files = ordered(files);
    }

    @Override
    public String type() {
      return "outputs";
    }
  }

  /**
   * Someone looked at a picture of the case in the service.
   *
   * @param explicit for a reveal of a scored picture, its score; else null
   * @param confirmed with {@code explicit}: whether the person was asked to confirm twice
   */
  record Viewed(String sha256, String by, boolean revealed, Double explicit, Boolean confirmed)
      implements CustodyEvent {
    @Override
    public String type() {
      return "viewed";
    }
  }

  /** A report file or the evidence package left the service. */
  record Exported(String file, String sha256, String by) implements CustodyEvent {
    @Override
    public String type() {
      return "exported";
    }
  }

  /** A signed state of the log: its size, head hash and Merkle root. */
  record Checkpoint(long size, String head, String root, String signature) implements CustodyEvent {
    @Override
    public String type() {
      return "checkpoint";
    }
  }

  /** An entry of a type this version does not know, with its members as parsed. */
  record Unknown(String type, Map<String, Object> fields) implements CustodyEvent {
    public Unknown {
      fields = ordered(fields);
    }
  }

  /** An unmodifiable copy that keeps the order (and null values) of the original. */
  private static <V> Map<String, V> ordered(Map<String, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
