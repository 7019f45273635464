package org.haetae.pipeline.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.media.FaceEvidence;
import org.haetae.analysis.media.ImageSignals;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.custody.LogScan;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.match.Match;
import org.haetae.matching.match.MatchKind;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.match.Query;
import org.haetae.matching.store.BankStore;
import org.haetae.pipeline.ingest.Ingestion;

/**
 * The case's stored files as the custody log records them (where each came from, its hashes), and
 * what each matched in the banks. Built from the log, not from the export, so the analysis sees
 * exactly what was acquired.
 */
final class CaseMedia implements MediaCatalog {
  private final Map<String, String> byPath = new HashMap<>(); // export '/' path -> sha256
  private final Map<String, String> kinds = new HashMap<>();
  private final Map<String, String> md5s = new HashMap<>();
  private final Map<String, MediaFacts> hashed = new HashMap<>();
  private final Map<String, List<MediaMatch>> matches = new HashMap<>();
  private final List<CaseFinding> failures = new ArrayList<>();
  private final Map<String, CustodyEvent.FaceOutcome> faceEntries = new HashMap<>();
  private final Map<String, ImageSignals> signals = new HashMap<>();
  private final Map<String, List<MediaMatch>> faceMatches = new HashMap<>();
  private String caseId;

  /** Reads the custody log. */
  static CaseMedia read(java.nio.file.Path custodyLog) throws IOException, CustodyException {
    CaseMedia m = new CaseMedia();
    String[] export = {null};
    LogScan.scan(custodyLog, e -> m.see(e, export));
    return m;
  }

  private void see(Entry entry, String[] lastExport) {
    CustodyEvent event = entry.event();
    String export =
        event instanceof CustodyEvent.OfExport x && x.export() != null ? x.export() : lastExport[0];
    switch (event) {
      case CustodyEvent.CaseOpened o -> caseId = o.caseId();
      case CustodyEvent.Acquisition a ->
          lastExport[0] =
              a.export() != null ? a.export() : Ingestion.exportId(a.resultJsonSha256());
      case CustodyEvent.Stored s -> {
        byPath.put(export + '/' + s.path(), s.sha256());
        kinds.putIfAbsent(s.sha256(), s.kind());
        if (s.md5() != null) {
          md5s.putIfAbsent(s.sha256(), s.md5());
        }
      }
      case CustodyEvent.Hashed h ->
          hashed.put(
              h.sha256(), new MediaFacts(h.sha256(), h.md5(), h.pdq(), h.quality(), "image"));
      case CustodyEvent.FaceOutcome f -> faceEntry(f);
      case CustodyEvent.HashFailed h ->
          failures.add(
              new CaseFinding(
                  "hash_failed", h.reason(), null, "image " + h.sha256() + " could not be hashed"));
      default -> {}
    }
  }

  /** Images that decoded when hashed: what the face stage looks at. */
  List<String> images() {
    return hashed.values().stream()
        .filter(h -> h.pdq() != null)
        .map(MediaFacts::sha256)
        .sorted()
        .toList();
  }

  /** The last face-stage entry logged for an image, or null. */
  CustodyEvent.FaceOutcome faceEntry(String sha256) {
    return faceEntries.get(sha256);
  }

  /**
   * Takes one image's face-stage result (from the log, or just logged): its faces and class scores
   * become the file's signals, its candidates face matches. A later entry replaces an earlier one.
   */
  void faceEntry(CustodyEvent.FaceOutcome outcome) {
    String sha256 = outcome.sha256();
    faceEntries.put(sha256, outcome);
    faceMatches.remove(sha256);
    signals.remove(sha256);
    if (!(outcome instanceof CustodyEvent.Faces f)) {
      return;
    }
    CustodyEvent.ExplicitScores x = f.explicit();
    Map<String, Double> classes = new HashMap<>();
    if (x != null && x.classes() != null) {
      classes.putAll(x.classes());
    }
    signals.put(
        sha256,
        new ImageSignals(
            x == null ? null : x.explicit(),
            classes,
            x == null ? null : x.classifier(),
            f.faces().size(),
            (int) Math.max(0, f.width()),
            (int) Math.max(0, f.height())));
    List<MediaMatch> found = new ArrayList<>();
    for (CustodyEvent.FaceHit h : f.hits()) {
      CustodyEvent.FaceBox box = h.box();
      found.add(
          new MediaMatch(
              FACE_BANK_PREFIX + h.bank(),
              h.person(),
              "face",
              (int) Math.round(h.distance() * 1000),
              Map.of(),
              new FaceEvidence(
                  h.distance(),
                  h.similarity(),
                  box.x(),
                  box.y(),
                  box.width(),
                  box.height(),
                  (int) h.rank(),
                  f.embedder())));
    }
    if (!found.isEmpty()) {
      faceMatches.put(sha256, found);
    }
  }

  /** Face banks' names in reports, so a face bank never shares a name with a hash bank. */
  static final String FACE_BANK_PREFIX = "face:";

  /** Images with at least one candidate face. */
  int filesWithFaceMatches() {
    return faceMatches.size();
  }

  /** Images the models could not read, as findings. */
  List<CaseFinding> faceFailures() {
    List<CaseFinding> out = new ArrayList<>();
    faceEntries.forEach(
        (sha, f) -> {
          if (f instanceof CustodyEvent.FacesFailed failed
              && failed.fingerprint() != null
              && failed.reason() != null) {
            out.add(
                new CaseFinding(
                    "faces_failed",
                    failed.reason(),
                    null,
                    "image " + sha + " could not be searched for faces"));
          }
        });
    return out;
  }

  String caseId() {
    return caseId;
  }

  /** Files that could not be hashed or searched for faces. */
  List<CaseFinding> failures() {
    List<CaseFinding> all = new ArrayList<>(failures);
    all.addAll(faceFailures());
    return all;
  }

  /** Distinct stored files. */
  int files() {
    return kinds.size();
  }

  /**
   * Matches every stored file against the banks: images by PDQ (and MD5), every file by SHA-256.
   *
   * @param labels bank and entry number to the entry's id in the report and its labels
   * @return files that matched
   */
  int match(Matcher matcher, Map<String, EntryLabels> labels, Runnable advance) {
    int matched = 0;
    for (Map.Entry<String, String> f : kinds.entrySet()) {
      String sha = f.getKey();
      MediaFacts h = hashed.get(sha);
      Query q =
          h != null && h.pdq() != null
              ? new Query(Hash256.fromHex(h.pdq()), h.quality(), Map.of(), h.md5(), sha)
              : new Query(null, -1, Map.of(), h == null ? md5s.get(sha) : h.md5(), sha);
      List<MediaMatch> found = new ArrayList<>();
      for (Match m : matcher.match(q).matches()) {
        EntryLabels l = labels.get(m.bank() + "#" + m.entryId());
        String id =
            m.sourceId() == null || m.sourceId().isEmpty() ? "" + m.entryId() : m.sourceId();
        found.add(
            new MediaMatch(
                m.bank(),
                id,
                m.kind() == MatchKind.PDQ ? "pdq" : m.kind().code(),
                m.distance(),
                l == null ? Map.of() : l.labels()));
      }
      found.sort(java.util.Comparator.comparingInt(MediaMatch::distance));
      if (!found.isEmpty()) {
        matches.put(sha, found);
        matched++;
      }
      advance.run();
    }
    return matched;
  }

  /** An entry's labels, loaded once per bank. */
  record EntryLabels(Map<String, String> labels) {}

  static Map<String, EntryLabels> labels(BankStore store, List<String> banks) throws IOException {
    Map<String, EntryLabels> out = new HashMap<>();
    for (String b : banks) {
      store.forEach(
          b,
          e -> {
            if (!e.entry().labels().isEmpty()) {
              out.put(b + "#" + e.id(), new EntryLabels(e.entry().labels()));
            }
          });
    }
    return out;
  }

  Map<String, List<MediaMatch>> allMatches() {
    return matches;
  }

  @Override
  public MediaFacts lookup(String export, String relativePath) {
    String sha = byPath.get(export + '/' + relativePath);
    if (sha == null) {
      return null;
    }
    MediaFacts h = hashed.get(sha);
    return h != null
        ? h
        : new MediaFacts(sha, md5s.get(sha), null, -1, kinds.getOrDefault(sha, "other"));
  }

  @Override
  public List<MediaMatch> matches(String sha256) {
    List<MediaMatch> faces = faceMatches.get(sha256);
    List<MediaMatch> hashes = matches.getOrDefault(sha256, List.of());
    if (faces == null) {
      return hashes;
    }
    List<MediaMatch> all = new ArrayList<>(hashes);
    all.addAll(faces);
    return all;
  }

  @Override
  public ImageSignals signals(String sha256) {
    return signals.get(sha256);
  }
}
