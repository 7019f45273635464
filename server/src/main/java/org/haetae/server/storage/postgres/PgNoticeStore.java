package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.instant;
import static org.haetae.server.storage.postgres.Columns.strings;
import static org.haetae.server.storage.postgres.Columns.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haetae.notices.NoticeKind;
import org.haetae.server.storage.NoticeStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link NoticeStore} on PostgreSQL: tables notices and statements_of_reasons. */
final class PgNoticeStore implements NoticeStore {
  private static final String COLUMNS =
      "id, report_id, kind, platform, urls, explanation, language, status, created_by, created_at,"
          + " sent_at, due_at, statutory, answered_at, answer, removed_at";

  private final JdbcClient jdbc;

  PgNoticeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UUID draft(Draft d, String by) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into notices (id, report_id, kind, platform, urls, explanation, language,"
                + " created_by) values (?,?,?,?,?,?,?,?)")
        .params(
            id,
            d.reportId(),
            d.kind().name(),
            d.platform(),
            d.urls().toArray(String[]::new),
            d.explanation(),
            d.language(),
            by)
        .update();
    return id;
  }

  @Override
  public Optional<Notice> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from notices where id = ?")
        .param(id)
        .query(PgNoticeStore::notice)
        .optional();
  }

  @Override
  public List<Notice> ofReport(UUID report) {
    return jdbc.sql("select " + COLUMNS + " from notices where report_id = ? order by created_at")
        .param(report)
        .query(PgNoticeStore::notice)
        .list();
  }

  @Override
  public List<Notice> ofPlatform(String platform) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notices where platform = ? and sent_at is not null"
                + " order by sent_at desc limit 500")
        .param(platform)
        .query(PgNoticeStore::notice)
        .list();
  }

  @Override
  public List<Notice> waiting() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notices where status in ('sent', 'acknowledged')"
                + " order by due_at limit 200")
        .query(PgNoticeStore::notice)
        .list();
  }

  @Override
  public List<Notice> waiting(Collection<UUID> reports) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from notices where status in ('sent', 'acknowledged') and report_id = any(?)"
                + " order by due_at")
        .param(reports.toArray(UUID[]::new))
        .query(PgNoticeStore::notice)
        .list();
  }

  @Override
  public void markSent(UUID id, Instant sent, Instant due, boolean statutory) {
    jdbc.sql(
            "update notices set status = 'sent', sent_at = ?, due_at = ?, statutory = ?"
                + " where id = ?")
        .params(timestamp(sent), timestamp(due), statutory, id)
        .update();
  }

  @Override
  public void answer(UUID id, String status, String answer, Instant removedAt) {
    jdbc.sql(
            "update notices set status = ?, answered_at = now(), answer = ?,"
                + " removed_at = ? where id = ?")
        .params(status, answer, timestamp(removedAt), id)
        .update();
  }

  @Override
  public void addStatement(UUID notice, String platform, String json, String by) {
    jdbc.sql(
            "insert into statements_of_reasons (id, notice_id, platform, body, recorded_by)"
                + " values (?,?,?,?::jsonb,?)")
        .params(UUID.randomUUID(), notice, platform, json, by)
        .update();
  }

  private static Notice notice(ResultSet r, int i) throws SQLException {
    return new Notice(
        r.getObject(1, UUID.class),
        r.getObject(2, UUID.class),
        NoticeKind.valueOf(r.getString(3)),
        r.getString(4),
        strings(r, 5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getTimestamp(10).toInstant(),
        instant(r, 11),
        instant(r, 12),
        r.getBoolean(13),
        instant(r, 14),
        r.getString(15),
        instant(r, 16));
  }
}
