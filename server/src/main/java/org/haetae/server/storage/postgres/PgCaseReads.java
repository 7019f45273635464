package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.instant;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.CaseReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CaseReads} on PostgreSQL. */
final class PgCaseReads implements CaseReads {
  private final JdbcClient jdbc;

  PgCaseReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<CaseRow> cases() {
    return jdbc.sql(
            "select c.id, c.title, c.messages, c.victims, c.imported_at,"
                + " (select count(*) from accounts a where a.case_id = c.id)"
                + " from cases c order by c.imported_at desc")
        .query(
            (r, i) ->
                new CaseRow(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    r.getLong(3),
                    r.getLong(4),
                    r.getLong(6),
                    r.getTimestamp(5).toInstant()))
        .list();
  }

  @Override
  public Optional<Location> locate(UUID caseId) {
    return jdbc.sql("select title, folder from cases where id = ?")
        .param(caseId)
        .query((r, i) -> new Location(r.getString(1), Path.of(r.getString(2))))
        .optional();
  }

  @Override
  public long roomCount(OpenCase c) {
    return jdbc.sql("select count(*) from chats where case_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  @Override
  public long findingCount(OpenCase c) {
    return jdbc.sql("select count(*) from findings where case_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<RoomRow> room(OpenCase c, String key) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ? and key = ?")
        .params(c.id(), key)
        .query(PgCaseReads::room)
        .optional();
  }

  @Override
  public List<RoomRow> rooms(OpenCase c, List<String> keys) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ? and key = any(?)"
                + " order by matched_media desc, messages desc limit 500")
        .params(c.id(), keys.toArray(String[]::new))
        .query(PgCaseReads::room)
        .list();
  }

  @Override
  public Summary summary(OpenCase c) {
    return jdbc.sql(
            """
            select c.id, c.title, c.imported_at, c.generated_at, c.custody_head, c.merkle_root,
              c.custody_entries, c.messages, c.media_files, c.matched_messages, c.victims, c.banks,
              c.max_distance, c.min_quality,
              (select count(*) from case_exports e where e.case_id = c.id),
              (select count(*) from chats h where h.case_id = c.id),
              (select count(*) from accounts a where a.case_id = c.id),
              (select count(*) from media m where m.case_id = c.id and m.matched),
              (select count(*) from flags f where f.case_id = c.id),
              (select count(*) from role_claims r where r.case_id = c.id
                 and r.role <> 'member' and r.decision is null),
              (select count(*) from flags f where f.case_id = c.id and not exists (
                 select 1 from flag_decisions d where d.case_id = f.case_id
                   and d.chat_key = f.chat_key and d.message_id = coalesce(f.message_id, -1)
                   and d.category = f.category and d.rule = f.rule)),
              (select count(*) from findings g where g.case_id = c.id),
              (select count(distinct x.media_sha256) from matches x
                 where x.case_id = c.id and x.how <> 'face'),
              (select count(distinct x.media_sha256) from matches x
                 where x.case_id = c.id and x.how = 'face')
            from cases c where c.id = ?""")
        .param(c.id())
        .query(
            (r, i) ->
                new Summary(
                    r.getObject(1, UUID.class),
                    r.getString(2),
                    instant(r, 3),
                    instant(r, 4),
                    r.getString(5),
                    r.getString(6),
                    r.getLong(7),
                    r.getLong(8),
                    r.getLong(9),
                    r.getLong(10),
                    r.getLong(11),
                    Arrays.asList((String[]) r.getArray(12).getArray()),
                    r.getInt(13),
                    r.getInt(14),
                    r.getLong(15),
                    r.getLong(16),
                    r.getLong(17),
                    r.getLong(18),
                    r.getLong(19),
                    r.getLong(20),
                    r.getLong(21),
                    r.getLong(22),
                    r.getLong(23),
                    r.getLong(24)))
        .single();
  }

  @Override
  public List<RoomRow> rooms(OpenCase c, int offset, int limit) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ?"
                + " order by matched_media desc, messages desc, key offset ? limit ?")
        .params(c.id(), offset, limit)
        .query(PgCaseReads::room)
        .list();
  }

  @Override
  public List<VictimRow> victims(OpenCase c, int offset, int limit) {
    return jdbc.sql(
            """
            select bank, entry_id, max(labels::text), count(*), count(distinct chat_key), min(date),
              bool_or(how = 'face'), count(distinct media_sha256)
            from matches where case_id = ? group by bank, entry_id
            order by bool_or(how = 'face'), count(*) desc, bank, entry_id offset ? limit ?""")
        .params(c.id(), offset, limit)
        .query(
            (r, i) ->
                new VictimRow(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getLong(4),
                    r.getLong(5),
                    instant(r, 6),
                    r.getBoolean(7),
                    r.getLong(8)))
        .list();
  }

  @Override
  public MatchedFiles matchedFiles(OpenCase c) {
    return jdbc.sql(
            "select count(distinct media_sha256) filter (where how <> 'face'),"
                + " count(distinct media_sha256) filter (where how = 'face')"
                + " from matches where case_id = ?")
        .param(c.id())
        .query((r, i) -> new MatchedFiles(r.getLong(1), r.getLong(2)))
        .single();
  }

  @Override
  public long victimCount(OpenCase c) {
    return jdbc.sql(
            "select count(*) from (select 1 from matches where case_id = ?"
                + " group by bank, entry_id) e")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  @Override
  public List<FindingRow> findings(OpenCase c, int offset, int limit) {
    return jdbc.sql(
            "select kind, code, chat_key, message_id, detail from findings where case_id = ?"
                + " order by id offset ? limit ?")
        .params(c.id(), offset, limit)
        .query(
            (r, i) ->
                new FindingRow(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    (Long) r.getObject(4),
                    r.getString(5)))
        .list();
  }

  @Override
  public List<CategoryCount> flagCategories(OpenCase c) {
    return jdbc.sql(
            "select category, count(*) from flags where case_id = ?"
                + " group by category order by count(*) desc, category")
        .param(c.id())
        .query((r, i) -> new CategoryCount(r.getString(1), r.getLong(2)))
        .list();
  }

  @Override
  public List<FlagRow> flags(
      OpenCase c, String category, String accountKey, int offset, int limit) {
    return jdbc.sql(
            """
            select f.id, f.chat_key, f.message_id, f.date, f.account_key, f.category, f.rule,
              f.excerpt, d.decision, d.decided_by
            from flags f left join flag_decisions d on d.case_id = f.case_id
              and d.chat_key = f.chat_key and d.message_id = coalesce(f.message_id, -1)
              and d.category = f.category and d.rule = f.rule
            where f.case_id = ? and (?::text is null or f.category = ?)
              and (?::text is null or f.account_key = ?)
            order by (d.decision is not null), f.date nulls last, f.id offset ? limit ?""")
        .params(c.id(), category, category, accountKey, accountKey, offset, limit)
        .query(
            (r, i) ->
                new FlagRow(
                    r.getLong(1),
                    r.getString(2),
                    (Long) r.getObject(3),
                    instant(r, 4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getString(8),
                    r.getString(9),
                    r.getString(10)))
        .list();
  }

  @Override
  public long flagCount(OpenCase c, String category, String accountKey) {
    return jdbc.sql(
            "select count(*) from flags where case_id = ? and (?::text is null or category = ?)"
                + " and (?::text is null or account_key = ?)")
        .params(c.id(), category, category, accountKey, accountKey)
        .query(Long.class)
        .single();
  }

  private static RoomRow room(ResultSet r, int i) throws SQLException {
    return new RoomRow(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getLong(4),
        r.getLong(5),
        r.getLong(6),
        instant(r, 7),
        instant(r, 8));
  }
}
