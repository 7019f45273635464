package org.haetae.server.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.haetae.server.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** What a case's dashboard shows: its figures, rooms, victims' images found, findings, flags. */
@Service
public class CaseOverview {
  private final JdbcClient jdbc;

  public CaseOverview(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A case's figures. {@code matchedMedia} counts files that matched anything; {@code
   * hashMatchedMedia} those that matched a victim's image by hash, {@code faceMatchedMedia} those
   * in which an enrolled face may be (leads, counted apart because they are not findings).
   */
  public record Summary(
      UUID id,
      String title,
      Instant importedAt,
      Instant generatedAt,
      String custodyHead,
      String merkleRoot,
      long custodyEntries,
      long messages,
      long mediaFiles,
      long matchedMessages,
      long victims,
      List<String> banks,
      int maxDistance,
      int minQuality,
      long exports,
      long rooms,
      long accounts,
      long matchedMedia,
      long flags,
      long rolesToReview,
      long flagsToReview,
      long findings,
      long hashMatchedMedia,
      long faceMatchedMedia) {}

  /** A room as listed. */
  public record RoomRow(
      String key,
      String name,
      String type,
      long messages,
      long members,
      long matchedMedia,
      Instant firstDate,
      Instant lastDate) {}

  /**
   * One victim's registered image (a bank entry) and how far it was found to spread; or, when
   * {@code face}, an enrolled person whose face may be in {@code files} pictures: a lead for
   * review, not an identification.
   */
  public record VictimRow(
      String bank,
      String entryId,
      String labels,
      long posts,
      long rooms,
      Instant firstSeen,
      boolean face,
      long files) {}

  /** A finding of the scan (an anomaly in the export, a note on the analysis). */
  public record FindingRow(
      String kind, String code, String chatKey, Long messageId, String detail) {}

  /** A flagged message with any reviewer's decision on it. */
  public record FlagRow(
      long id,
      String chatKey,
      Long messageId,
      Instant date,
      String accountKey,
      String category,
      String rule,
      String excerpt,
      String decision,
      String decidedBy) {}

  public record CategoryCount(String category, long count) {}

  /** The case's title, for the page header; 404 when there is no such case. */
  public String title(UUID id) {
    return jdbc.sql("select title from cases where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case"));
  }

  public long roomCount(UUID id) {
    return jdbc.sql("select count(*) from chats where case_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  public long findingCount(UUID id) {
    return jdbc.sql("select count(*) from findings where case_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  public long accountCount(UUID id) {
    return jdbc.sql("select count(*) from accounts where case_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** One room; 404 when the case has no such room. */
  public RoomRow room(UUID id, String key) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ? and key = ?")
        .params(id, key)
        .query(CaseOverview::room)
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such room"));
  }

  /** Rooms by key, in the given order (an account's rooms). */
  public List<RoomRow> rooms(UUID id, List<String> keys) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ? and key = any(?)"
                + " order by matched_media desc, messages desc limit 500")
        .params(id, keys.toArray(String[]::new))
        .query(CaseOverview::room)
        .list();
  }

  public Summary summary(UUID id) {
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
        .param(id)
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
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case"));
  }

  /** Rooms, those carrying victims' images first, then the busiest. */
  public List<RoomRow> rooms(UUID id, Pager p) {
    return jdbc.sql(
            "select key, name, type, messages, members, matched_media, first_date, last_date"
                + " from chats where case_id = ?"
                + " order by matched_media desc, messages desc, key offset ? limit ?")
        .params(id, p.offset(), p.size())
        .query(CaseOverview::room)
        .list();
  }

  /**
   * The bank entries found in the case: victims' images matched by hash first, then enrolled faces
   * (leads); in each, the most widely posted first.
   */
  public List<VictimRow> victims(UUID id, Pager p) {
    return jdbc.sql(
            """
            select bank, entry_id, max(labels::text), count(*), count(distinct chat_key), min(date),
              bool_or(how = 'face'), count(distinct media_sha256)
            from matches where case_id = ? group by bank, entry_id
            order by bool_or(how = 'face'), count(*) desc, bank, entry_id offset ? limit ?""")
        .params(id, p.offset(), p.size())
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

  /**
   * Files that matched a victim's image by hash, and images in which an enrolled face may be
   * (leads): counted apart, because only the first are findings.
   */
  public record MatchedFiles(long byHash, long byFace) {}

  public MatchedFiles matchedFiles(UUID id) {
    return jdbc.sql(
            "select count(distinct media_sha256) filter (where how <> 'face'),"
                + " count(distinct media_sha256) filter (where how = 'face')"
                + " from matches where case_id = ?")
        .param(id)
        .query((r, i) -> new MatchedFiles(r.getLong(1), r.getLong(2)))
        .single();
  }

  public long victimCount(UUID id) {
    return jdbc.sql(
            "select count(*) from (select 1 from matches where case_id = ?"
                + " group by bank, entry_id) e")
        .param(id)
        .query(Long.class)
        .single();
  }

  public List<FindingRow> findings(UUID id, Pager p) {
    return jdbc.sql(
            "select kind, code, chat_key, message_id, detail from findings where case_id = ?"
                + " order by id offset ? limit ?")
        .params(id, p.offset(), p.size())
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

  public List<CategoryCount> flagCategories(UUID id) {
    return jdbc.sql(
            "select category, count(*) from flags where case_id = ?"
                + " group by category order by count(*) desc, category")
        .param(id)
        .query((r, i) -> new CategoryCount(r.getString(1), r.getLong(2)))
        .list();
  }

  /**
   * Flagged messages, those nobody has reviewed first.
   *
   * @param category only this category, or null for all
   * @param accountKey only this account's, or null for all
   */
  public List<FlagRow> flags(UUID id, String category, String accountKey, Pager p) {
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
        .params(id, category, category, accountKey, accountKey, p.offset(), p.size())
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

  public long flagCount(UUID id, String category, String accountKey) {
    return jdbc.sql(
            "select count(*) from flags where case_id = ? and (?::text is null or category = ?)"
                + " and (?::text is null or account_key = ?)")
        .params(id, category, category, accountKey, accountKey)
        .query(Long.class)
        .single();
  }

  static RoomRow room(ResultSet r, int i) throws SQLException {
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

  /** A timestamp column as an instant, or null. */
  public static Instant instant(ResultSet r, int column) throws SQLException {
    Timestamp t = r.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
