package org.haetae.server.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.ExifOrientation;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.pipeline.keys.Keys;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shows a case's pictures. Blurred is the default and is made here, on the server, so the unblurred
 * picture never leaves it unless a person asks to reveal it. Every view is audited, and written to
 * the case's custody log with who looked and whether the picture was revealed (and, for a reveal,
 * the picture's explicit score and whether the person confirmed a second time).
 */
@Service
public class MediaViews {
  /** Longest edge of a picture as shown. */
  static final int MAX_EDGE = 640;

  /** Longest edge of a thumbnail in a list of pictures. */
  static final int THUMB_EDGE = 160;

  /** Blurred pictures are reduced to this many pixels across before being enlarged again. */
  static final int BLUR_CELLS = 12;

  /**
   * The explicit score at or above which revealing a picture needs a second, explicit confirmation:
   * the most explicit pictures are the last to be revealed, and only by a person who chose twice.
   */
  public static final double CONFIRM_AT = 0.5;

  /** How a picture is shown. */
  public enum Shown {
    /** Small and blurred, for lists; never revealed. */
    THUMBNAIL,
    BLURRED,
    REVEALED
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final CaseFolders folders;
  private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

  public MediaViews(JdbcClient jdbc, AuditTrail audit, CaseFolders folders) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.folders = folders;
  }

  /** The case's image and its explicit score (null when not scored). */
  private record Stored(String folder, Double explicit) {}

  private Optional<Stored> stored(UUID caseId, String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select c.folder, m.explicit from media m join cases c on c.id = m.case_id"
                + " where m.case_id = ? and m.sha256 = ? and m.kind = 'image'")
        .params(caseId, sha256)
        .query((r, i) -> new Stored(r.getString(1), (Double) r.getObject(2)))
        .optional();
  }

  /**
   * A JPEG of the picture; empty when the case has no such image. A picture whose explicit score is
   * at least {@link #CONFIRM_AT} is revealed only when {@code confirmed}: the caller has asked the
   * person a second time.
   *
   * @throws ResponseStatusException 409 when such a picture is to be revealed unconfirmed
   * @throws IllegalStateException when the case folder is busy or its custody log is damaged
   */
  public Optional<byte[]> view(
      UUID caseId, String sha256, Shown shown, boolean confirmed, String user) throws IOException {
    Optional<Stored> found = stored(caseId, sha256);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Double explicit = found.get().explicit();
    boolean reveal = shown == Shown.REVEALED;
    boolean mustConfirm = reveal && explicit != null && explicit >= CONFIRM_AT;
    if (mustConfirm && !confirmed) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          String.format(
              Locale.ROOT,
              "explicit score %.2f: revealing this picture needs a second confirmation"
                  + " (confirm=true)",
              explicit));
    }
    Keys keys = folders.keys();
    CaseFolder cf = new CaseFolder(Path.of(found.get().folder()));
    byte[] bytes = new Vault(cf.evidence(), keys.vault(), false).read(sha256);
    BufferedImage picture;
    try {
      picture = upright(decoder.decode(bytes).image(), bytes);
    } catch (ImageDecodeException e) {
      return Optional.empty();
    }
    BufferedImage out = fit(picture, shown == Shown.THUMBNAIL ? THUMB_EDGE : MAX_EDGE);
    if (!reveal) {
      out = blur(out);
    }
    // A reveal of a scored picture records its score, and whether the person was asked twice.
    Double score = reveal && explicit != null ? Math.round(explicit * 10_000) / 10_000.0 : null;
    Map<String, Object> detail = new LinkedHashMap<>();
    if (score != null) {
      detail.put("explicit", score);
      detail.put("confirmed", mustConfirm);
    }
    folders.note(
        cf.dir(),
        keys,
        new CustodyEvent.Viewed(sha256, user, reveal, score, score == null ? null : mustConfirm));
    if (detail.isEmpty()) {
      audit.record(user, reveal ? "media_revealed" : "media_viewed", caseId, sha256);
    } else {
      audit.record(user, "media_revealed", caseId, sha256, detail);
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(out, "jpg", jpeg);
    return Optional.of(jpeg.toByteArray());
  }

  /**
   * Turned upright by its EXIF orientation, as the face stage saw it, so that face boxes sit on the
   * faces.
   */
  private static BufferedImage upright(BufferedImage img, byte[] bytes) {
    int o = ExifOrientation.read(bytes);
    return o == 1 ? img : ExifOrientation.apply(img, o);
  }

  private static BufferedImage fit(BufferedImage img, int edge) {
    double s = Math.min(1.0, edge / (double) Math.max(img.getWidth(), img.getHeight()));
    return scaled(img, (int) Math.round(img.getWidth() * s), (int) Math.round(img.getHeight() * s));
  }

  /** Reduces the picture to a few cells and enlarges it smoothly: shapes and colours, no detail. */
  static BufferedImage blur(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int cw = Math.max(1, Math.min(BLUR_CELLS, w));
    int ch = Math.max(1, (int) Math.round(cw * h / (double) w));
    return scaled(scaled(img, cw, ch), w, h);
  }

  private static BufferedImage scaled(BufferedImage img, int w, int h) {
    BufferedImage out =
        new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(img, 0, 0, out.getWidth(), out.getHeight(), null);
    g.dispose();
    return out;
  }
}
