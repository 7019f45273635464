package org.haetae.server.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.InputException;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.portal.ReportStore;
import org.haetae.server.web.Pager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The support centre's queue: triage, assignment, notes, and the matches found for a report. */
@Service
public class SupportDesk {
  private final JdbcClient jdbc;
  private final ReportStore reports;

  public SupportDesk(JdbcClient jdbc, ReportStore reports) {
    this.jdbc = jdbc;
    this.reports = reports;
  }

  /** A report as the queue lists it. */
  public record QueueRow(
      UUID id,
      String reference,
      String urgency,
      boolean minor,
      String platform,
      String status,
      String assignedTo,
      Instant createdAt,
      long hashes,
      long newMatches,
      long overdueNotices) {}

  public record Note(String author, String body, Instant at) {}

  /**
   * A match found for a report: a registered hash seen again ({@code kind} hash), or her enrolled
   * face found in a scanned case's file ({@code kind} face: a lead for review, with the
   * descriptors' distance and her rank among the enrolled for that face).
   */
  public record Match(
      String kind,
      String source,
      UUID caseId,
      String platform,
      String mediaSha256,
      int distance,
      Double faceDistance,
      Integer faceRank,
      Instant at) {
    public boolean face() {
      return "face".equals(kind);
    }
  }

  /**
   * Open reports first by urgency (urgent, minors, high...), then oldest first.
   *
   * @param status one status, {@code open} for all not closed, or null for all
   */
  public List<QueueRow> queue(String status, String platform, boolean mine, String me, Pager p) {
    return jdbc.sql(
            """
            select r.id, r.reference, r.urgency, r.minor, r.platform, r.status, r.assigned_to,
              r.created_at,
              (select count(*) from report_hashes h where h.report_id = r.id
                 and h.withdrawn_at is null),
              (select count(*) from report_matches m where m.report_id = r.id
                 and m.found_at > now() - interval '7 days'),
              (select count(*) from notices n where n.report_id = r.id
                 and n.status in ('sent', 'acknowledged') and n.due_at < now())
            from reports r
            where (?::text is null or (? = 'open' and r.status not in ('resolved', 'closed',
                   'withdrawn')) or r.status = ?)
              and (?::text is null or r.platform = ?)
              and (not ? or r.assigned_to = ?)
            order by case r.urgency when 'urgent' then 0 when 'high' then 1 when 'normal' then 2
              else 3 end, r.minor desc, r.created_at
            offset ? limit ?""")
        .params(status, status, status, platform, platform, mine, me, p.offset(), p.size())
        .query(
            (r, i) ->
                new QueueRow(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getString(3),
                    r.getBoolean(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getTimestamp(8).toInstant(),
                    r.getLong(9),
                    r.getLong(10),
                    r.getLong(11)))
        .list();
  }

  public long queueCount(String status, String platform, boolean mine, String me) {
    return jdbc.sql(
            """
            select count(*) from reports r
            where (?::text is null or (? = 'open' and r.status not in ('resolved', 'closed',
                   'withdrawn')) or r.status = ?)
              and (?::text is null or r.platform = ?)
              and (not ? or r.assigned_to = ?)""")
        .params(status, status, status, platform, platform, mine, me)
        .query(Long.class)
        .single();
  }

  /** Triage: urgency, minors involved, platform, status, who handles it. */
  public void triage(
      UUID id,
      String urgency,
      boolean minor,
      String platform,
      String status,
      String assignee,
      String by) {
    if (!List.of("low", "normal", "high", "urgent").contains(urgency)) {
      throw new InputException("urgency is low, normal, high or urgent");
    }
    if (!List.of(
            "new", "triaged", "in_progress", "waiting_platform", "resolved", "closed", "withdrawn")
        .contains(status)) {
      throw new InputException("unknown status: " + status);
    }
    String assigned = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (assigned != null
        && jdbc.sql(
                    "select count(*) from users where username = ?"
                        + " and role in ('support_staff', 'admin')")
                .param(assigned)
                .query(Long.class)
                .single()
            == 0) {
      throw new InputException(assigned + " is not on the support staff");
    }
    ReportStore.Report before = reports.get(id);
    jdbc.sql(
            "update reports set urgency = ?, minor = ?, platform = ?, status = ?,"
                + " assigned_to = ?, updated_at = now() where id = ?")
        .params(
            urgency,
            minor,
            platform == null || platform.isBlank() ? null : platform.strip(),
            status,
            assigned,
            id)
        .update();
    reports.event(id, "triaged", urgency + (minor ? ", minor" : "") + " by " + by, false);
    if (!before.status().equals(status)) {
      reports.event(id, "status_" + status, null, true);
    }
  }

  public void note(UUID id, String author, String body) {
    if (body == null || body.isBlank()) {
      throw new InputException("the note is empty");
    }
    jdbc.sql("insert into report_notes (report_id, author, body) values (?,?,?)")
        .params(id, author, body.strip())
        .update();
  }

  public List<Note> notes(UUID id) {
    return jdbc.sql(
            "select author, body, at from report_notes where report_id = ? order by at desc")
        .param(id)
        .query((r, i) -> new Note(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()))
        .list();
  }

  public List<Match> matches(UUID id) {
    return jdbc.sql(
            "select kind, source, case_id, platform, media_sha256, distance, face_distance,"
                + " face_rank, found_at from report_matches where report_id = ?"
                + " order by found_at desc, id desc limit 200")
        .param(id)
        .query(
            (r, i) ->
                new Match(
                    r.getString(1),
                    r.getString(2),
                    r.getObject(3, UUID.class),
                    r.getString(4),
                    r.getString(5),
                    r.getInt(6),
                    r.getObject(7) == null ? null : r.getDouble(7),
                    r.getObject(8) == null ? null : r.getInt(8),
                    CaseOverview.instant(r, 9)))
        .list();
  }

  public List<String> staff() {
    return jdbc.sql(
            "select username from users where role in ('support_staff', 'admin') order by 1")
        .query(String.class)
        .list();
  }
}
