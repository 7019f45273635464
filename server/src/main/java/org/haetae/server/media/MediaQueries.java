package org.haetae.server.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.Json;
import org.haetae.server.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's media files: lists, one file's matches and face leads, near-duplicates and its spread
 * over time.
 */
@Service
public class MediaQueries {
  /** Longest spread timeline a page shows; the report lists every post. */
  static final int MAX_TIMELINE = 500;

  private final JdbcClient jdbc;

  public MediaQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What the image models said about a file: triage signals that order review, never findings.
   *
   * @param faces faces the detector found, or null when faces were not searched
   * @param explicit the classifier's probability that the picture is sexually explicit (its {@code
   *     porn} and {@code hentai} classes), or null when it was not scored
   * @param model the classifier's id
   * @param classes every class's probability
   * @param topClass the most likely class
   * @param size the picture's size as the models saw it (upright): the frame of its face boxes;
   *     null when not known
   */
  public record Signals(
      Integer faces,
      Double explicit,
      String model,
      Map<String, Double> classes,
      String topClass,
      Size size) {
    /** Revealing the picture needs a second, explicit confirmation. */
    public boolean needsConfirmation() {
      return explicit != null && explicit >= MediaViews.CONFIRM_AT;
    }
  }

  /** A picture's size in pixels, upright. */
  public record Size(int width, int height) {}

  /** A media file as listed; {@code signals} null when no image model looked at it. */
  public record MediaRow(
      String sha256,
      String kind,
      int quality,
      int cluster,
      boolean matched,
      long posts,
      Signals signals) {}

  /** One media file; {@code signals} null when no image model looked at it. */
  public record Media(
      String sha256,
      String md5,
      String pdq,
      int quality,
      String kind,
      String path,
      int cluster,
      boolean matched,
      long posts,
      Signals signals) {}

  /**
   * Why an enrolled face matched: a lead for a person to review, never an identification.
   *
   * @param distance between the face descriptors (lower is closer)
   * @param similarity {@code 1 - distance}, 0..1
   * @param rank 1 when this person is the closest enrolled person to that face
   * @param box the face in the picture, in its pixels: x, y, width, height
   * @param model the embedding model
   */
  public record Face(
      double distance, double similarity, int rank, List<Double> box, String model) {}

  /**
   * A bank entry this file matched, at one message.
   *
   * @param how {@code pdq}, {@code md5}, {@code sha256} or {@code face}
   * @param distance Hamming distance for {@code pdq}; descriptor distance in thousandths for a face
   * @param face why an enrolled face matched; null for hash matches
   */
  public record MatchRow(
      String bank,
      String entryId,
      String how,
      int distance,
      String labels,
      String chatKey,
      Long messageId,
      Instant date,
      Face face) {}

  /**
   * An enrolled person whose face may be in the picture: one per face and person, however often the
   * file was posted.
   *
   * @param entryId the enrolled person's id (a pseudonym)
   * @param posts messages that carried the file
   */
  public record FaceLead(String bank, String entryId, Face face, long posts) {
    /**
     * A CSS box over the picture, in percent of its size, so it sits on the face at any scale; null
     * when the picture's size is not known.
     */
    public String boxStyle(Size size) {
      if (size == null || face.box().size() != 4 || size.width() <= 0 || size.height() <= 0) {
        return null;
      }
      double left = percent(face.box().get(0), size.width());
      double top = percent(face.box().get(1), size.height());
      double width = Math.min(100 - left, percent(face.box().get(2), size.width()));
      double height = Math.min(100 - top, percent(face.box().get(3), size.height()));
      return String.format(
          java.util.Locale.ROOT,
          "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
          left,
          top,
          width,
          height);
    }

    private static double percent(double v, int of) {
      return Math.max(0, Math.min(100, v * 100.0 / of));
    }
  }

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

  private static final String ROW =
      "sha256, kind, quality, cluster, matched, message_count, faces, explicit, explicit_model,"
          + " explicit_classes::text, explicit_top, width, height";

  /** Files posted in a room (parameters: the room twice, or null twice for any room). */
  private static final String IN_ROOM =
      " and (?::text is null or exists (select 1 from media_posts p where p.case_id = media.case_id"
          + " and p.sha256 = media.sha256 and p.chat_key = ?))";

  /**
   * @param matchedOnly only files that matched a bank
   * @param room only files posted in this room, or null
   */
  public List<MediaRow> list(
      UUID caseId, boolean matchedOnly, String room, MediaOrder order, Pager p) {
    return jdbc.sql(
            "select "
                + ROW
                + " from media where case_id = ? and (not ? or matched)"
                + IN_ROOM
                + " order by "
                + order.sql
                + " offset ? limit ?")
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
            "select sha256, md5, pdq, quality, kind, path, cluster, matched, message_count,"
                + " faces, explicit, explicit_model, explicit_classes::text, explicit_top,"
                + " width, height from media where case_id = ? and sha256 = ?")
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
                    r.getLong(9),
                    signals(r, 10)))
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
            "select bank, entry_id, how, distance, labels::text, chat_key, message_id, date,"
                + FACE
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
                    CaseOverview.instant(r, 8),
                    face(r, 9)))
        .list();
  }

  private static final String FACE =
      " face_distance, face_similarity, face_rank, face_box, face_model";

  /** The enrolled faces the file may show, the closest person to each face first. */
  public List<FaceLead> faceLeads(UUID caseId, String sha256) {
    return jdbc.sql(
            "select bank, entry_id,"
                + FACE
                + ", count(*) from matches where case_id = ? and media_sha256 = ?"
                + " and face_distance is not null"
                + " group by bank, entry_id,"
                + FACE
                + " order by face_rank, face_distance, bank, entry_id limit 100")
        .params(caseId, sha256)
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
