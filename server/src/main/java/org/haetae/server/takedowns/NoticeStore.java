package org.haetae.server.takedowns;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.InputException;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.portal.ReportStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/** Takedown notices: drafted for a report, sent with a deadline clock, answered by the platform. */
@Service
public class NoticeStore {
  private final JdbcClient jdbc;
  private final ReportStore reports;
  private final TransactionTemplate tx;

  public NoticeStore(JdbcClient jdbc, ReportStore reports, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.tx = tx;
  }

  public record Notice(
      UUID id,
      UUID reportId,
      String kind,
      String platform,
      List<String> urls,
      String explanation,
      String language,
      String status,
      String createdBy,
      Instant createdAt,
      Instant sentAt,
      Instant dueAt,
      boolean statutory,
      Instant answeredAt,
      String answer,
      Instant removedAt) {
    /** ON_TIME, DUE_SOON (last tenth of the window), OVERDUE, or ANSWERED / DRAFT. */
    public String clock(Instant now) {
      if (sentAt == null) {
        return "DRAFT";
      }
      if (answeredAt != null && !status.equals("acknowledged")) {
        return "ANSWERED";
      }
      if (now.isAfter(dueAt)) {
        return "OVERDUE";
      }
      Duration left = Duration.between(now, dueAt);
      Duration all = Duration.between(sentAt, dueAt);
      return left.compareTo(all.dividedBy(10)) <= 0 ? "DUE_SOON" : "ON_TIME";
    }
  }

  private static final String COLUMNS =
      "id, report_id, kind, platform, urls, explanation, language, status, created_by, created_at,"
          + " sent_at, due_at, statutory, answered_at, answer, removed_at";

  public UUID draft(
      UUID reportId,
      String kind,
      String platform,
      List<String> urls,
      String explanation,
      String language,
      String by) {
    if (!List.of("DSA_ART16", "TAKE_IT_DOWN", "KR_KCSC").contains(kind)) {
      throw new InputException("unknown notice kind: " + kind);
    }
    if (platform == null || platform.isBlank()) {
      throw new InputException("name the platform the notice goes to");
    }
    if (urls == null || urls.stream().allMatch(String::isBlank)) {
      throw new InputException("a notice needs the exact location (URL) of the content");
    }
    if (explanation == null || explanation.isBlank()) {
      throw new InputException("a notice needs an explanation of why the content is illegal");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into notices (id, report_id, kind, platform, urls, explanation, language,"
                + " created_by) values (?,?,?,?,?,?,?,?)")
        .params(
            id,
            reportId,
            kind,
            platform.strip(),
            urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toArray(String[]::new),
            explanation.strip(),
            language == null || language.isBlank() ? "ko" : language,
            by)
        .update();
    reports.event(reportId, "notice_drafted", kind + " " + platform.strip(), false);
    return id;
  }

  public Notice get(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from notices where id = ?")
        .param(id)
        .query(NoticeStore::notice)
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such notice"));
  }

  public List<Notice> ofReport(UUID reportId) {
    return jdbc.sql("select " + COLUMNS + " from notices where report_id = ? order by created_at")
        .param(reportId)
        .query(NoticeStore::notice)
        .list();
  }

  /** Notices sent to one platform (what its users see), newest first. */
  public List<Notice> ofPlatform(String platform) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notices where platform = ? and sent_at is not null"
                + " order by sent_at desc limit 500")
        .param(platform)
        .query(NoticeStore::notice)
        .list();
  }

  /** Sent notices still waiting for removal, the soonest due first: the reminders list. */
  public List<Notice> waiting() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notices where status in ('sent', 'acknowledged')"
                + " order by due_at limit 200")
        .query(NoticeStore::notice)
        .list();
  }

  /** Starts the clock: the notice went out now, and is due {@code window} later. */
  public void markSent(UUID id, Duration window, boolean statutory, String by) {
    Notice n = get(id);
    if (n.sentAt() != null) {
      throw new InputException("this notice was already sent");
    }
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  "update notices set status = 'sent', sent_at = now(), due_at = now() + ?,"
                      + " statutory = ? where id = ?")
              .params(
                  new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, window.toSeconds()),
                  statutory,
                  id)
              .update();
          reports.event(n.reportId(), "notice_sent", n.platform(), true);
          jdbc.sql(
                  "update reports set status = 'waiting_platform', updated_at = now()"
                      + " where id = ? and status in ('new', 'triaged', 'in_progress')")
              .param(n.reportId())
              .update();
        });
  }

  /**
   * Records the platform's answer.
   *
   * @param status {@code acknowledged}, {@code removed} or {@code refused}
   */
  public void answer(UUID id, String status, String answer, Instant removedAt, String by) {
    if (!List.of("acknowledged", "removed", "refused").contains(status)) {
      throw new InputException("the answer is acknowledged, removed or refused");
    }
    Notice n = get(id);
    if (n.sentAt() == null) {
      throw new InputException("record the sending first: the clock starts then");
    }
    Instant removed =
        status.equals("removed") ? (removedAt == null ? Instant.now() : removedAt) : null;
    if (removed != null && removed.isBefore(n.sentAt())) {
      throw new InputException("the removal cannot be before the notice was sent");
    }
    tx.executeWithoutResult(
        s -> {
          jdbc.sql(
                  "update notices set status = ?, answered_at = now(), answer = ?,"
                      + " removed_at = ? where id = ?")
              .params(
                  status,
                  answer == null || answer.isBlank() ? null : answer.strip(),
                  removed == null ? null : java.sql.Timestamp.from(removed),
                  id)
              .update();
          reports.event(
              n.reportId(),
              switch (status) {
                case "removed" -> "content_removed";
                case "refused" -> "platform_refused";
                default -> "platform_acknowledged";
              },
              n.platform(),
              true);
        });
  }

  private static Notice notice(java.sql.ResultSet r, int i) throws java.sql.SQLException {
    return new Notice(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        r.getString(3),
        r.getString(4),
        Arrays.asList((String[]) r.getArray(5).getArray()),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getTimestamp(10).toInstant(),
        CaseOverview.instant(r, 11),
        CaseOverview.instant(r, 12),
        r.getBoolean(13),
        CaseOverview.instant(r, 14),
        r.getString(15),
        CaseOverview.instant(r, 16));
  }
}
