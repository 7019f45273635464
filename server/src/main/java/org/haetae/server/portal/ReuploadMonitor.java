package org.haetae.server.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.server.storage.RegisteredHashes;
import org.haetae.server.storage.RegisteredHashes.Candidate;
import org.haetae.server.storage.RegisteredHashes.FaceHit;
import org.haetae.server.storage.RegisteredHashes.Hit;
import org.haetae.server.storage.RegisteredHashes.Registered;
import org.haetae.server.storage.ReportStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Watches for re-uploads: every scanned case and every hash a platform checks is compared with the
 * hashes victims registered. A new match opens a finding on her report, which she is told about in
 * the portal (without the case's details), and which her support worker sees in full.
 *
 * <p>A scanned case's matches of the portal's face bank ({@code face:portal}, each naming a
 * report's reference) open a finding the same way, marked as a face lead: she is told that a
 * possible match of her face was found and that a person will review it; her support worker sees
 * the case, the file, the distance and the rank, as a lead for review and not an identification.
 */
@Service
public class ReuploadMonitor {
  private final RegisteredHashes hashes;
  private final ReportStore reports;
  private final int maxDistance;
  private final int minQuality;

  public ReuploadMonitor(
      RegisteredHashes hashes,
      ReportStore reports,
      @Value("${haetae.match.max-distance:31}") int maxDistance,
      @Value("${haetae.match.min-quality:50}") int minQuality) {
    this.hashes = hashes;
    this.reports = reports;
    this.maxDistance = maxDistance;
    this.minQuality = minQuality;
  }

  /** The bank a scanned case's matches of the portal's face templates carry. */
  static final String FACE_BANK = "face:" + FaceTemplates.BANK;

  /** Which registered hashes a file matches: exactly by digest, or by PDQ within the radius. */
  public List<Hit> hits(Candidate c) {
    return hits(c, hashes.inForce(null));
  }

  private List<Hit> hits(Candidate c, List<Registered> all) {
    Hash256 pdq =
        c.pdq() != null
                && Hash256.isHex(c.pdq())
                && (c.quality() == null || c.quality() >= minQuality)
            ? Hash256.fromHex(c.pdq())
            : null;
    List<Hit> out = new ArrayList<>();
    for (Registered r : all) {
      if (r.sha256() != null && r.sha256().equalsIgnoreCase(c.sha256())) {
        out.add(new Hit(r.reportId(), r.id(), "sha256", 0));
      } else if (r.md5() != null && r.md5().equalsIgnoreCase(c.md5())) {
        out.add(new Hit(r.reportId(), r.id(), "md5", 0));
      } else if (pdq != null && r.pdq() != null) {
        int d = pdq.distance(r.pdq());
        if (d <= maxDistance) {
          out.add(new Hit(r.reportId(), r.id(), "pdq", d));
        }
      }
    }
    return out;
  }

  /**
   * Compares every file of a case with the registered hashes, and opens a face lead for each of its
   * {@code face:portal} matches (see {@link #checkFaces}).
   *
   * @return how many new matches (hash matches and face leads) were opened
   */
  public int checkCase(UUID caseId) {
    return checkCase(caseId, hashes.inForce(null)) + checkFaces(caseId);
  }

  /**
   * Opens a face lead on each report whose enrolled face the case's scan found, once per file: only
   * while the report still holds templates (she may have withdrawn since the scan began).
   *
   * @return how many new face leads were opened
   */
  int checkFaces(UUID caseId) {
    int opened = 0;
    for (FaceHit h : hashes.faceHits(caseId, FACE_BANK)) {
      if (recordFace(caseId, h)) {
        opened++;
      }
    }
    return opened;
  }

  private int checkCase(UUID caseId, List<Registered> all) {
    if (all.isEmpty()) {
      return 0;
    }
    int opened = 0;
    for (Candidate c : hashes.caseFiles(caseId)) {
      for (Hit h : hits(c, all)) {
        if (record(h, "scan", caseId, null, c.sha256())) {
          opened++;
        }
      }
    }
    return opened;
  }

  /**
   * Every stored case against hashes a victim just registered; the hashes registered before were
   * compared with each case when it was scanned.
   */
  public int checkAllCases(List<Long> newHashIds) {
    List<Registered> fresh = hashes.inForce(newHashIds);
    int opened = 0;
    if (fresh.isEmpty()) {
      return 0;
    }
    for (UUID id : hashes.caseIds()) {
      opened += checkCase(id, fresh);
    }
    return opened;
  }

  /** A platform checked a file at upload: its hits are recorded and returned. */
  public List<Hit> checkPlatform(String platform, Candidate c) {
    List<Hit> hits = hits(c);
    for (Hit h : hits) {
      record(h, "platform", null, platform, c.sha256());
    }
    return hits;
  }

  /** Records a match once; a new one becomes an event on the report. */
  private boolean record(Hit h, String source, UUID caseId, String platform, String sha256) {
    boolean fresh = hashes.recordHit(h, source, caseId, platform, sha256);
    if (fresh) {
      // She is told a copy was found and where in general terms; the case itself is for staff.
      reports.event(h.reportId(), "new_match_" + source, platform, true);
      if (caseId != null) {
        reports.event(h.reportId(), "new_match_case", caseId.toString(), false);
      }
      reports.touch(h.reportId());
    }
    return fresh;
  }

  /** Records a face lead once; a new one becomes an event on the report. */
  private boolean recordFace(UUID caseId, FaceHit h) {
    boolean fresh = hashes.recordFaceLead(caseId, h);
    if (fresh) {
      // She is told that a possible match was found and that a person will review it: no case,
      // no file, no score. The staff's event names them; the page says it is a lead, not an
      // identification.
      reports.event(h.reportId(), "face_match", null, true);
      reports.event(h.reportId(), "face_match_case", faceDetail(caseId, h), false);
      reports.touch(h.reportId());
    }
    return fresh;
  }

  private static String faceDetail(UUID caseId, FaceHit h) {
    return "case "
        + caseId
        + ", file "
        + h.mediaSha256()
        + (h.faceDistance() == null
            ? ""
            : ", distance " + String.format(Locale.ROOT, "%.3f", h.faceDistance()))
        + (h.faceRank() == null ? "" : ", rank " + h.faceRank());
  }
}
