package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.haetae.server.storage.ReportStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ReportStore} on PostgreSQL: reports and the tables that hang off them. */
final class PgReportStore implements ReportStore {
  private static final String COLUMNS =
      "id, reference, owner, filed_for, what_happened, happened_on, platform, contact_by,"
          + " contact, minor, urgency, status, assigned_to, created_at, updated_at";

  /** The reports a queue filter keeps (parameters: {@link #filter}). */
  private static final String QUEUE_WHERE =
      """
      where (?::text is null or (? = 'open' and r.status not in ('resolved', 'closed',
             'withdrawn')) or r.status = ?)
        and (?::text is null or r.platform = ?)
        and (?::text is null or r.assigned_to = ?)""";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  PgReportStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public UUID create(String owner, NewReport r) {
    UUID id = UUID.randomUUID();
    tx.executeWithoutResult(
        s -> {
          long n = jdbc.sql("select nextval('report_numbers')").query(Long.class).single();
          String reference = String.format(Locale.ROOT, "R-%d-%06d", Year.now().getValue(), n);
          jdbc.sql(
                  "insert into reports (id, reference, owner, filed_for, what_happened,"
                      + " happened_on, platform, contact_by, contact, minor)"
                      + " values (?,?,?,?,?,?,?,?,?,?)")
              .params(
                  id,
                  reference,
                  owner,
                  r.filedFor(),
                  r.whatHappened(),
                  r.happenedOn(),
                  r.platform(),
                  r.contactBy(),
                  r.contact(),
                  r.minor())
              .update();
          for (String l : r.links()) {
            jdbc.sql("insert into report_links (report_id, url, platform) values (?,?,?)")
                .params(id, l, r.platform())
                .update();
          }
          event(id, "filed", null, true);
        });
    return id;
  }

  @Override
  public Optional<Report> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from reports where id = ?")
        .param(id)
        .query(PgReportStore::report)
        .optional();
  }

  @Override
  public List<Report> ofOwner(String owner) {
    return jdbc.sql("select " + COLUMNS + " from reports where owner = ? order by created_at desc")
        .param(owner)
        .query(PgReportStore::report)
        .list();
  }

  @Override
  public List<Link> links(UUID report) {
    return jdbc.sql(
            "select id, url, platform, note, added_at from report_links where report_id = ?"
                + " order by id")
        .param(report)
        .query(
            (r, i) ->
                new Link(
                    r.getLong(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getTimestamp(5).toInstant()))
        .list();
  }

  @Override
  public List<HashRow> hashes(UUID report) {
    return jdbc.sql(
            "select id, pdq, quality, md5, sha256, label, added_at, withdrawn_at"
                + " from report_hashes where report_id = ? order by id")
        .param(report)
        .query(
            (r, i) ->
                new HashRow(
                    r.getLong(1),
                    r.getString(2),
                    (Integer) r.getObject(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getTimestamp(7).toInstant(),
                    instant(r, 8)))
        .list();
  }

  @Override
  public List<Long> addHashes(UUID report, List<HashIn> hashes) {
    return tx.execute(
        s -> {
          List<Long> out = new ArrayList<>();
          for (HashIn h : hashes) {
            out.add(
                jdbc.sql(
                        "insert into report_hashes (report_id, pdq, quality, md5, sha256, label)"
                            + " values (?,?,?,?,?,?) returning id")
                    .params(report, h.pdq(), h.quality(), h.md5(), h.sha256(), h.label())
                    .query(Long.class)
                    .single());
          }
          event(report, "hashes_added", Integer.toString(hashes.size()), true);
          touch(report);
          return out;
        });
  }

  @Override
  public int withdrawHashes(UUID report, Long hashId) {
    Integer n =
        tx.execute(
            s -> {
              int k =
                  jdbc.sql(
                          "update report_hashes set withdrawn_at = now() where report_id = ?"
                              + " and withdrawn_at is null and (?::bigint is null or id = ?)")
                      .params(report, hashId, hashId)
                      .update();
              if (k > 0) {
                event(report, "hashes_withdrawn", Integer.toString(k), true);
                touch(report);
              }
              return k;
            });
    return n == null ? 0 : n;
  }

  @Override
  public void event(UUID report, String kind, String detail, boolean forVictim) {
    jdbc.sql("insert into report_events (report_id, kind, detail, for_victim) values (?,?,?,?)")
        .params(report, kind, detail, forVictim)
        .update();
  }

  @Override
  public List<Event> events(UUID report, boolean victimView) {
    return jdbc.sql(
            "select at, kind, detail, for_victim from report_events where report_id = ?"
                + " and (for_victim or not ?) order by at, id")
        .params(report, victimView)
        .query(
            (r, i) ->
                new Event(
                    r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getBoolean(4)))
        .list();
  }

  @Override
  public void touch(UUID report) {
    jdbc.sql("update reports set updated_at = now() where id = ?").param(report).update();
  }

  @Override
  public List<QueueRow> queue(QueueFilter f, int offset, int limit) {
    return jdbc.sql(
            """
            select r.id, r.reference, r.urgency, r.minor, r.platform, r.status, r.assigned_to,
              r.created_at,
              (select count(*) from report_hashes h where h.report_id = r.id
                 and h.withdrawn_at is null),
              (select count(*) from report_matches m where m.report_id = r.id
                 and m.found_at > now() - interval '7 days')
            from reports r
            """
                + QUEUE_WHERE
                + """

                order by case r.urgency when 'urgent' then 0 when 'high' then 1 when 'normal' then 2
                  else 3 end, r.minor desc, r.created_at
                offset ? limit ?""")
        .params(filter(f, offset, limit))
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
                    r.getLong(10)))
        .list();
  }

  @Override
  public long queueCount(QueueFilter f) {
    return jdbc.sql("select count(*) from reports r\n" + QUEUE_WHERE)
        .params(filter(f))
        .query(Long.class)
        .single();
  }

  /** The parameters of {@link #QUEUE_WHERE}, then {@code more}. */
  private static Object[] filter(QueueFilter f, Object... more) {
    List<Object> p =
        new ArrayList<>(
            Arrays.asList(
                f.status(),
                f.status(),
                f.status(),
                f.platform(),
                f.platform(),
                f.assignedTo(),
                f.assignedTo()));
    p.addAll(Arrays.asList(more));
    return p.toArray();
  }

  @Override
  public void triage(UUID report, Triage t) {
    jdbc.sql(
            "update reports set urgency = ?, minor = ?, platform = ?, status = ?,"
                + " assigned_to = ?, updated_at = now() where id = ?")
        .params(t.urgency(), t.minor(), t.platform(), t.status(), t.assignedTo(), report)
        .update();
  }

  @Override
  public void waitingForPlatform(UUID report) {
    jdbc.sql(
            "update reports set status = 'waiting_platform', updated_at = now()"
                + " where id = ? and status in ('new', 'triaged', 'in_progress')")
        .param(report)
        .update();
  }

  @Override
  public void addNote(UUID report, String author, String body) {
    jdbc.sql("insert into report_notes (report_id, author, body) values (?,?,?)")
        .params(report, author, body)
        .update();
  }

  @Override
  public List<Note> notes(UUID report) {
    return jdbc.sql(
            "select author, body, at from report_notes where report_id = ? order by at desc")
        .param(report)
        .query((r, i) -> new Note(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()))
        .list();
  }

  @Override
  public List<Match> matches(UUID report) {
    return jdbc.sql(
            "select kind, source, case_id, platform, media_sha256, distance, face_distance,"
                + " face_rank, found_at from report_matches where report_id = ?"
                + " order by found_at desc, id desc limit 200")
        .param(report)
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
                    instant(r, 9)))
        .list();
  }

  private static Report report(ResultSet r, int i) throws SQLException {
    java.sql.Date d = r.getDate(6);
    return new Report(
        r.getObject(1, UUID.class),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        d == null ? null : d.toLocalDate(),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getBoolean(10),
        r.getString(11),
        r.getString(12),
        r.getString(13),
        r.getTimestamp(14).toInstant(),
        r.getTimestamp(15).toInstant());
  }
}
