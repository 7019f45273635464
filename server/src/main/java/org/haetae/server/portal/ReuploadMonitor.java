package org.haetae.server.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;
  private final ReportStore reports;
  private final int maxDistance;
  private final int minQuality;

  public ReuploadMonitor(
      JdbcClient jdbc,
      ReportStore reports,
      @Value("${haetae.match.max-distance:31}") int maxDistance,
      @Value("${haetae.match.min-quality:50}") int minQuality) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.maxDistance = maxDistance;
    this.minQuality = minQuality;
  }

  /** A registered hash still in force. */
  record Registered(long id, UUID reportId, Hash256 pdq, String md5, String sha256) {}

  /** A file to compare: from a case, or sent by a platform. */
  public record Candidate(String sha256, String md5, String pdq, Integer quality) {}

  /** A registered hash a candidate matched. */
  public record Hit(UUID reportId, long hashId, String how, int distance) {}

  /**
   * A face enrolled on a report, found in a case's file: the closest of that file's matches for the
   * report (a file may hold several faces, and be posted several times).
   */
  record FaceHit(
      UUID reportId, String mediaSha256, int distance, Double faceDistance, Integer faceRank) {}

  /** The bank a scanned case's matches of the portal's face templates carry. */
  static final String FACE_BANK = "face:" + FaceTemplates.BANK;

  private List<Registered> registered() {
    return registered(null);
  }

  /** The hashes in force; only those of {@code ids} unless null. */
  private List<Registered> registered(Long[] ids) {
    return jdbc.sql(
            "select id, report_id, pdq, md5, sha256 from report_hashes where withdrawn_at is null"
                + " and (?::bigint[] is null or id = any(?))")
        .params(ids, ids)
        .query(
            (r, i) ->
                new Registered(
                    r.getLong(1),
                    r.getObject(2, UUID.class),
                    r.getString(3) == null ? null : Hash256.fromHex(r.getString(3)),
                    r.getString(4),
                    r.getString(5)))
        .list();
  }

  /** Which registered hashes a file matches: exactly by digest, or by PDQ within the radius. */
  public List<Hit> hits(Candidate c) {
    return hits(c, registered());
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
    return checkCase(caseId, registered()) + checkFaces(caseId);
  }

  /**
   * Opens a face lead on each report whose enrolled face the case's scan found, once per file: only
   * while the report still holds templates (she may have withdrawn since the scan began).
   *
   * @return how many new face leads were opened
   */
  int checkFaces(UUID caseId) {
    List<FaceHit> hits =
        jdbc.sql(
                """
                select distinct on (r.id, m.media_sha256)
                  r.id, m.media_sha256, m.distance, m.face_distance, m.face_rank
                from matches m join reports r on r.reference = m.entry_id
                where m.case_id = ? and m.bank = ? and m.how = 'face'
                  and exists (select 1 from report_faces f where f.report_id = r.id)
                order by r.id, m.media_sha256, m.face_distance nulls last, m.face_rank nulls last,
                  m.distance""")
            .params(caseId, FACE_BANK)
            .query(
                (r, i) ->
                    new FaceHit(
                        r.getObject(1, UUID.class),
                        r.getString(2),
                        r.getInt(3),
                        r.getObject(4) == null ? null : r.getDouble(4),
                        r.getObject(5) == null ? null : r.getInt(5)))
            .list();
    int opened = 0;
    for (FaceHit h : hits) {
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
    List<Candidate> files =
        jdbc.sql("select sha256, md5, pdq, quality from media where case_id = ?")
            .param(caseId)
            .query(
                (r, i) ->
                    new Candidate(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)))
            .list();
    int opened = 0;
    for (Candidate c : files) {
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
    List<Registered> fresh = registered(newHashIds.toArray(Long[]::new));
    int opened = 0;
    if (fresh.isEmpty()) {
      return 0;
    }
    for (UUID id : jdbc.sql("select id from cases").query(UUID.class).list()) {
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
    int n =
        jdbc.sql(
                "insert into report_matches (report_id, hash_id, source, case_id, platform,"
                    + " media_sha256, distance) values (?,?,?,?,?,?,?) on conflict do nothing")
            .params(h.reportId(), h.hashId(), source, caseId, platform, sha256, h.distance())
            .update();
    if (n == 1) {
      // She is told a copy was found and where in general terms; the case itself is for staff.
      reports.event(h.reportId(), "new_match_" + source, platform, true);
      if (caseId != null) {
        reports.event(h.reportId(), "new_match_case", caseId.toString(), false);
      }
      reports.touch(h.reportId());
    }
    return n == 1;
  }

  /** Records a face lead once; a new one becomes an event on the report. */
  private boolean recordFace(UUID caseId, FaceHit h) {
    int n =
        jdbc.sql(
                "insert into report_matches (report_id, kind, hash_id, source, case_id,"
                    + " media_sha256, distance, face_distance, face_rank)"
                    + " values (?,'face',null,'scan',?,?,?,?,?) on conflict do nothing")
            .params(
                h.reportId(), caseId, h.mediaSha256(), h.distance(), h.faceDistance(), h.faceRank())
            .update();
    if (n == 1) {
      // She is told that a possible match was found and that a person will review it: no case,
      // no file, no score. The staff's event names them; the page says it is a lead, not an
      // identification.
      reports.event(h.reportId(), "face_match", null, true);
      reports.event(h.reportId(), "face_match_case", faceDetail(caseId, h), false);
      reports.touch(h.reportId());
    }
    return n == 1;
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
