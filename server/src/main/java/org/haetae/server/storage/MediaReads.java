package org.haetae.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.access.OpenCase;

/**
 * A case's media files: lists, one file's matches and face leads, near-duplicates, its spread over
 * time, and what the messages of a page carried.
 */
public interface MediaReads {
  /** Longest spread timeline read for a file; the report lists every post. */
  int MAX_TIMELINE = 500;

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
  record Signals(
      Integer faces,
      Double explicit,
      String model,
      Map<String, Double> classes,
      String topClass,
      Size size) {
    /**
     * The explicit score at or above which revealing a picture needs a second, explicit
     * confirmation: the most explicit pictures are the last to be revealed, and only by a person
     * who chose twice.
     */
    public static final double CONFIRM_AT = 0.5;

    /** Revealing the picture needs a second, explicit confirmation. */
    public boolean needsConfirmation() {
      return needsConfirmation(explicit);
    }

    /** Whether a picture of this explicit score (null: not scored) needs a second choice. */
    public static boolean needsConfirmation(Double explicit) {
      return explicit != null && explicit >= CONFIRM_AT;
    }
  }

  /** A picture's size in pixels, upright. */
  record Size(int width, int height) {}

  /** A media file as listed; {@code signals} null when no image model looked at it. */
  record MediaRow(
      String sha256,
      String kind,
      int quality,
      int cluster,
      boolean matched,
      long posts,
      Signals signals) {}

  /** One media file; {@code signals} null when no image model looked at it. */
  record Media(
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
  record Face(double distance, double similarity, int rank, List<Double> box, String model) {}

  /**
   * A bank entry this file matched, at one message.
   *
   * @param how {@code pdq}, {@code md5}, {@code sha256} or {@code face}
   * @param distance Hamming distance for {@code pdq}; descriptor distance in thousandths for a face
   * @param face why an enrolled face matched; null for hash matches
   */
  record MatchRow(
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
  record FaceLead(String bank, String entryId, Face face, long posts) {
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
          Locale.ROOT,
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
  record Post(
      Instant date,
      String chatKey,
      String roomName,
      Long messageId,
      String sha256,
      boolean variant) {}

  /** A file a message carried: a matched one when the message carried several. */
  record Carried(String sha256, String kind, boolean matched) {}

  /** A picture of the case, with its explicit score (null when not scored). */
  record Image(String sha256, Double explicit) {}

  /**
   * @param matchedOnly only files that matched a bank
   * @param room only files posted in this room, or null
   */
  List<MediaRow> list(
      OpenCase c, boolean matchedOnly, String room, MediaOrder order, int offset, int limit);

  long count(OpenCase c, boolean matchedOnly, String room);

  Optional<Media> media(OpenCase c, String sha256);

  /** The files whose SHA-256 starts with {@code prefix}: at most two, enough to see it is one. */
  List<String> expand(OpenCase c, String prefix);

  /** The bank entries the file matched, oldest post first (at most 500). */
  List<MatchRow> matches(OpenCase c, String sha256);

  /** The enrolled faces the file may show, the closest person to each face first. */
  List<FaceLead> faceLeads(OpenCase c, String sha256);

  /** Other files of the same near-duplicate group (edits, crops, re-encodings). */
  List<MediaRow> nearDuplicates(OpenCase c, Media m);

  /**
   * Every post of the file and of its near-duplicates, oldest first, at most {@link #MAX_TIMELINE}.
   */
  List<Post> timeline(OpenCase c, Media m);

  /** What the messages carried, by {@link MessageRef#label()}; messages without id are skipped. */
  Map<String, Carried> carried(OpenCase c, List<MessageRef> messages);

  /** The picture, when the case has an image of that SHA-256 (not a video or another file). */
  Optional<Image> image(OpenCase c, String sha256);
}
