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
  private final Map<String, Map<String, Object>> faceEntries = new HashMap<>();
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

  private void see(Entry e, String[] lastExport) {
    String export = e.string("export") != null ? e.string("export") : lastExport[0];
    switch (e.type()) {
      case "case_opened" -> caseId = e.string("case_id");
      case "acquisition" -> {
        export =
            e.string("export") != null
                ? e.string("export")
                : Ingestion.exportId(e.string("result_json_sha256"));
        lastExport[0] = export;
      }
      case "stored" -> {
        byPath.put(export + '/' + e.string("path"), e.string("sha256"));
        kinds.putIfAbsent(e.string("sha256"), e.string("kind"));
        if (e.string("md5") != null) {
          md5s.putIfAbsent(e.string("sha256"), e.string("md5"));
        }
      }
      case "hashed" ->
          hashed.put(
              e.string("sha256"),
              new MediaFacts(
                  e.string("sha256"),
                  e.string("md5"),
                  e.string("pdq"),
                  (int) e.number("quality", -1),
                  "image"));
      case CaseFaces.ENTRY -> faceEntry(e.string("sha256"), e.fields(), false);
      case CaseFaces.FAILED -> faceEntry(e.string("sha256"), e.fields(), true);
      case "hash_failed" ->
          failures.add(
              new CaseFinding(
                  "hash_failed",
                  e.string("reason"),
                  null,
                  "image " + e.string("sha256") + " could not be hashed"));
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
  Map<String, Object> faceEntry(String sha256) {
    return faceEntries.get(sha256);
  }

  /**
   * Takes one image's face-stage result (from the log, or just logged): its faces and class scores
   * become the file's signals, its candidates face matches. A later entry replaces an earlier one.
   */
  void faceEntry(String sha256, Map<String, Object> f, boolean failed) {
    faceEntries.put(sha256, f);
    faceMatches.remove(sha256);
    signals.remove(sha256);
    if (failed) {
      return;
    }
    Map<String, Double> classes = new HashMap<>();
    if (f.get("classes") instanceof Map<?, ?> c) {
      c.forEach((k, v) -> classes.put((String) k, ((Number) v).doubleValue()));
    }
    int faces = f.get("faces") instanceof List<?> l ? l.size() : 0;
    signals.put(
        sha256,
        new ImageSignals(
            f.get("explicit") instanceof Number n ? n.doubleValue() : null,
            classes,
            (String) f.get("classifier"),
            faces,
            f.get("width") instanceof Number w ? w.intValue() : 0,
            f.get("height") instanceof Number h ? h.intValue() : 0));
    List<MediaMatch> found = new ArrayList<>();
    if (f.get("hits") instanceof List<?> hits) {
      for (Object o : hits) {
        Map<?, ?> h = (Map<?, ?>) o;
        List<?> box = (List<?>) h.get("box");
        double distance = ((Number) h.get("distance")).doubleValue();
        found.add(
            new MediaMatch(
                FACE_BANK_PREFIX + h.get("bank"),
                (String) h.get("person"),
                "face",
                (int) Math.round(distance * 1000),
                Map.of(),
                new FaceEvidence(
                    distance,
                    ((Number) h.get("similarity")).doubleValue(),
                    ((Number) box.get(0)).doubleValue(),
                    ((Number) box.get(1)).doubleValue(),
                    ((Number) box.get(2)).doubleValue(),
                    ((Number) box.get(3)).doubleValue(),
                    ((Number) h.get("rank")).intValue(),
                    (String) f.get("embedder"))));
      }
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
          if (f.get("fingerprint") != null && !f.containsKey("faces") && f.get("reason") != null) {
            out.add(
                new CaseFinding(
                    "faces_failed",
                    String.valueOf(f.get("reason")),
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
