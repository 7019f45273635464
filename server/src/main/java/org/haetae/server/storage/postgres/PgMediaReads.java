package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.MediaOrder;
import org.haetae.server.storage.MediaReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link MediaReads} on PostgreSQL. */
final class PgMediaReads implements MediaReads {
  private final JdbcClient jdbc;

  PgMediaReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String ROW =
      "sha256, kind, quality, cluster, matched, message_count, faces, explicit, explicit_model,"
          + " explicit_classes::text, explicit_top, width, height";

  /** Files posted in a room (parameters: the room twice, or null twice for any room). */
  private static final String IN_ROOM =
      " and (?::text is null or exists (select 1 from media_posts p where p.case_id = media.case_id"
          + " and p.sha256 = media.sha256 and p.chat_key = ?))";

  @Override
  public List<MediaRow> list(
      OpenCase c, boolean matchedOnly, String room, MediaOrder order, int offset, int limit) {
    return jdbc.sql(
            "select "
                + ROW
                + " from media where case_id = ? and (not ? or matched)"
                + IN_ROOM
                + " order by "
                + orderBy(order)
                + " offset ? limit ?")
        .params(c.id(), matchedOnly, room, room, offset, limit)
        .query(PgMediaReads::row)
        .list();
  }

  /** A fixed clause for each order, never built from the request. */
  private static String orderBy(MediaOrder order) {
    return switch (order) {
      case REVIEW -> "matched desc, explicit desc nulls last, message_count desc, sha256";
      case LEAST_EXPLICIT -> "matched desc, explicit asc nulls last, message_count desc, sha256";
      case DATE -> "first_seen nulls last, sha256";
      case POSTS -> "matched desc, message_count desc, sha256";
    };
  }

  @Override
  public long count(OpenCase c, boolean matchedOnly, String room) {
    return jdbc.sql("select count(*) from media where case_id = ? and (not ? or matched)" + IN_ROOM)
        .params(c.id(), matchedOnly, room, room)
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<Media> media(OpenCase c, String sha256) {
    return jdbc.sql(
            "select sha256, md5, pdq, quality, kind, path, cluster, matched, message_count,"
                + " faces, explicit, explicit_model, explicit_classes::text, explicit_top,"
                + " width, height from media where case_id = ? and sha256 = ?")
        .params(c.id(), sha256)
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
                    r.getLong(9),
                    signals(r, 10)))
        .optional();
  }

  @Override
  public List<String> expand(OpenCase c, String prefix) {
    return jdbc.sql("select sha256 from media where case_id = ? and sha256 like ? limit 2")
        .params(c.id(), prefix + "%")
        .query(String.class)
        .list();
  }

  @Override
  public List<MatchRow> matches(OpenCase c, String sha256) {
    return jdbc.sql(
            "select bank, entry_id, how, distance, labels::text, chat_key, message_id, date,"
                + FACE
                + " from matches where case_id = ? and media_sha256 = ?"
                + " order by date nulls last, id limit 500")
        .params(c.id(), sha256)
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
                    instant(r, 8),
                    face(r, 9)))
        .list();
  }

  private static final String FACE =
      " face_distance, face_similarity, face_rank, face_box, face_model";

  @Override
  public List<FaceLead> faceLeads(OpenCase c, String sha256) {
    return jdbc.sql(
            "select bank, entry_id,"
                + FACE
                + ", count(*) from matches where case_id = ? and media_sha256 = ?"
                + " and face_distance is not null"
                + " group by bank, entry_id,"
                + FACE
                + " order by face_rank, face_distance, bank, entry_id limit 100")
        .params(c.id(), sha256)
        .query((r, i) -> new FaceLead(r.getString(1), r.getString(2), face(r, 3), r.getLong(8)))
        .list();
  }

  /** The face columns from {@code from} on ({@link #FACE}); null for a hash match. */
  private static Face face(ResultSet r, int from) throws SQLException {
    if (r.getObject(from) == null) {
      return null;
    }
    java.sql.Array box = r.getArray(from + 3);
    List<Double> b = new ArrayList<>();
    if (box != null) {
      for (Object v : (Object[]) box.getArray()) {
        b.add(((Number) v).doubleValue());
      }
    }
    return new Face(
        r.getDouble(from), r.getDouble(from + 1), r.getInt(from + 2), b, r.getString(from + 4));
  }

  /** The signal columns from {@code from} on (as {@link #ROW} has them); null when none. */
  private static Signals signals(ResultSet r, int from) throws SQLException {
    Integer faces = (Integer) r.getObject(from);
    Double explicit = (Double) r.getObject(from + 1);
    if (faces == null && explicit == null) {
      return null;
    }
    Integer width = (Integer) r.getObject(from + 5);
    Integer height = (Integer) r.getObject(from + 6);
    return new Signals(
        faces,
        explicit,
        r.getString(from + 2),
        Json.scores(r.getString(from + 3)),
        r.getString(from + 4),
        width == null || height == null ? null : new Size(width, height));
  }

  @Override
  public List<MediaRow> nearDuplicates(OpenCase c, Media m) {
    if (m.pdq() == null) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + ROW
                + " from media where case_id = ? and cluster = ? and sha256 <> ?"
                + " and pdq is not null order by message_count desc, sha256 limit 100")
        .params(c.id(), m.cluster(), m.sha256())
        .query(PgMediaReads::row)
        .list();
  }

  @Override
  public List<Post> timeline(OpenCase c, Media m) {
    return jdbc.sql(
            """
            select p.date, p.chat_key, h.name, p.message_id, x.sha256, x.sha256 <> ?
            from media x join media_posts p on p.case_id = x.case_id and p.sha256 = x.sha256
            left join chats h on h.case_id = x.case_id and h.key = p.chat_key
            where x.case_id = ? and (x.sha256 = ? or (? and x.cluster = ? and x.pdq is not null))
            order by 1 nulls last, 2, 4 limit ?""")
        .params(m.sha256(), c.id(), m.sha256(), m.pdq() != null, m.cluster(), MAX_TIMELINE)
        .query(
            (r, i) ->
                new Post(
                    instant(r, 1),
                    r.getString(2),
                    r.getString(3),
                    (Long) r.getObject(4),
                    r.getString(5),
                    r.getBoolean(6)))
        .list();
  }

  @Override
  public Map<String, Carried> carried(OpenCase c, List<MessageRef> messages) {
    Map<String, Carried> media = new HashMap<>();
    List<String> chats = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (MessageRef m : messages) {
      if (m.messageId() != null) {
        chats.add(m.chatKey());
        ids.add(m.messageId());
      }
    }
    if (ids.isEmpty()) {
      return media;
    }
    // The matched file first, so a message that carried several shows the one that matters.
    jdbc.sql(
            "select p.chat_key, p.message_id, m.sha256, m.kind, m.matched"
                + " from unnest(?::text[], ?::bigint[]) w(chat_key, message_id)"
                + " join media_posts p on p.case_id = ? and p.chat_key = w.chat_key"
                + " and p.message_id = w.message_id"
                + " join media m on m.case_id = p.case_id and m.sha256 = p.sha256"
                + " order by m.matched desc")
        .params(chats.toArray(String[]::new), ids.toArray(Long[]::new), c.id())
        .query(
            (rs, i) ->
                media.putIfAbsent(
                    rs.getString(1) + "#" + rs.getLong(2),
                    new Carried(rs.getString(3), rs.getString(4), rs.getBoolean(5))))
        .list();
    return media;
  }

  @Override
  public Optional<Image> image(OpenCase c, String sha256) {
    return jdbc.sql(
            "select sha256, explicit from media where case_id = ? and sha256 = ? and kind = 'image'")
        .params(c.id(), sha256)
        .query((r, i) -> new Image(r.getString(1), (Double) r.getObject(2)))
        .optional();
  }

  private static MediaRow row(ResultSet r, int i) throws SQLException {
    return new MediaRow(
        r.getString(1),
        r.getString(2),
        r.getInt(3),
        r.getInt(4),
        r.getBoolean(5),
        r.getLong(6),
        signals(r, 7));
  }
}
