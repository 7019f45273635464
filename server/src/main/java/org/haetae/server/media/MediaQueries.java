package org.haetae.server.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** A case's media files: lists, one file's matches, near-duplicates and its spread over time. */
@Service
public class MediaQueries {
  /** Longest spread timeline a page shows; the report lists every post. */
  static final int MAX_TIMELINE = 500;

  private final JdbcClient jdbc;

  public MediaQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A media file as listed. */
  public record MediaRow(
      String sha256, String kind, int quality, int cluster, boolean matched, long posts) {}

  /** One media file. */
  public record Media(
      String sha256,
      String md5,
      String pdq,
      int quality,
      String kind,
      String path,
      int cluster,
      boolean matched,
      long posts) {}

  /** A bank entry this file matched, at one message. */
  public record MatchRow(
      String bank,
      String entryId,
      String how,
      int distance,
      String labels,
      String chatKey,
      Long messageId,
      Instant date) {}

  /**
   * One post of this file or of a near-duplicate of it.
   *
   * @param variant true when the post carried a near-duplicate, not this very file
   */
  public record Post(
      Instant date,
      String chatKey,
      String roomName,
      Long messageId,
      String sha256,
      boolean variant) {}

  private static final String ROW = "sha256, kind, quality, cluster, matched, message_count";

  /** Files posted in a room (parameters: the room twice, or null twice for any room). */
  private static final String IN_ROOM =
      " and (?::text is null or exists (select 1 from media_posts p where p.case_id = media.case_id"
          + " and p.sha256 = media.sha256 and p.chat_key = ?))";

  /**
   * @param matchedOnly only files that matched a bank
   * @param room only files posted in this room, or null
   */
  public List<MediaRow> list(UUID caseId, boolean matchedOnly, String room, Pager p) {
    return jdbc.sql(
            "select "
                + ROW
                + " from media where case_id = ? and (not ? or matched)"
                + IN_ROOM
                + " order by matched desc, message_count desc, sha256 offset ? limit ?")
        .params(caseId, matchedOnly, room, room, p.offset(), p.size())
        .query(MediaQueries::row)
        .list();
  }

  public long count(UUID caseId, boolean matchedOnly, String room) {
    return jdbc.sql("select count(*) from media where case_id = ? and (not ? or matched)" + IN_ROOM)
        .params(caseId, matchedOnly, room, room)
        .query(Long.class)
        .single();
  }

  public Media media(UUID caseId, String sha256) {
    return jdbc.sql(
            "select sha256, md5, pdq, quality, kind, path, cluster, matched, message_count"
                + " from media where case_id = ? and sha256 = ?")
        .params(caseId, sha256)
        .query(
            (r, i) ->
                new Media(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getInt(4),
                    r.getString(5),
                    r.getString(6),
                    r.getInt(7),
                    r.getBoolean(8),
                    r.getLong(9)))
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file"));
  }

  /** The one file whose SHA-256 starts with {@code prefix}; 404 when none or several. */
  public String expand(UUID caseId, String prefix) {
    List<String> found =
        jdbc.sql("select sha256 from media where case_id = ? and sha256 like ? limit 2")
            .params(caseId, prefix + "%")
            .query(String.class)
            .list();
    if (found.size() != 1) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file");
    }
    return found.get(0);
  }

  public List<MatchRow> matches(UUID caseId, String sha256) {
    return jdbc.sql(
            "select bank, entry_id, how, distance, labels::text, chat_key, message_id, date"
                + " from matches where case_id = ? and media_sha256 = ?"
                + " order by date nulls last, id limit 500")
        .params(caseId, sha256)
        .query(
            (r, i) ->
                new MatchRow(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getInt(4),
                    r.getString(5),
                    r.getString(6),
                    (Long) r.getObject(7),
                    CaseOverview.instant(r, 8)))
        .list();
  }

  /** Other files of the same near-duplicate group (edits, crops, re-encodings). */
  public List<MediaRow> nearDuplicates(UUID caseId, Media m) {
    if (m.pdq() == null) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + ROW
                + " from media where case_id = ? and cluster = ? and sha256 <> ?"
                + " and pdq is not null order by message_count desc, sha256 limit 100")
        .params(caseId, m.cluster(), m.sha256())
        .query(MediaQueries::row)
        .list();
  }

  /** Every post of the file and of its near-duplicates, oldest first, across all rooms. */
  public List<Post> timeline(UUID caseId, Media m) {
    return jdbc.sql(
            """
            select p.date, p.chat_key, h.name, p.message_id, x.sha256, x.sha256 <> ?
            from media x join media_posts p on p.case_id = x.case_id and p.sha256 = x.sha256
            left join chats h on h.case_id = x.case_id and h.key = p.chat_key
            where x.case_id = ? and (x.sha256 = ? or (? and x.cluster = ? and x.pdq is not null))
            order by 1 nulls last, 2, 4 limit ?""")
        .params(m.sha256(), caseId, m.sha256(), m.pdq() != null, m.cluster(), MAX_TIMELINE)
        .query(
            (r, i) ->
                new Post(
                    CaseOverview.instant(r, 1),
                    r.getString(2),
                    r.getString(3),
                    (Long) r.getObject(4),
                    r.getString(5),
                    r.getBoolean(6)))
        .list();
  }

  private static MediaRow row(java.sql.ResultSet r, int i) throws java.sql.SQLException {
    return new MediaRow(
        r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), r.getBoolean(5), r.getLong(6));
  }
}
