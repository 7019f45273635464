package org.haetae.pipeline.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  String caseId() {
    return caseId;
  }

  List<CaseFinding> failures() {
    return failures;
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
    return matches.getOrDefault(sha256, List.of());
  }
}
