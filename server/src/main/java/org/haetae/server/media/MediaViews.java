package org.haetae.server.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.vault.Vault;
import org.haetae.hashing.image.DecodeLimits;
import org.haetae.hashing.image.ImageDecodeException;
import org.haetae.hashing.image.ImageDecoder;
import org.haetae.pipeline.keys.Keys;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Shows a case's pictures. Blurred is the default and is made here, on the server, so the unblurred
 * picture never leaves it unless a person asks to reveal it. Every view is audited, and written to
 * the case's custody log with who looked and whether the picture was revealed.
 */
@Service
public class MediaViews {
  /** Longest edge of a picture as shown. */
  static final int MAX_EDGE = 640;

  /** Longest edge of a thumbnail in a list of pictures. */
  static final int THUMB_EDGE = 160;

  /** Blurred pictures are reduced to this many pixels across before being enlarged again. */
  static final int BLUR_CELLS = 12;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final CaseFolders folders;
  private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.DEFAULT);

  public MediaViews(JdbcClient jdbc, AuditTrail audit, CaseFolders folders) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.folders = folders;
  }

  /**
   * A JPEG of the picture, blurred unless {@code reveal}; empty when the case has no such image.
   *
   * @throws IllegalStateException when the case folder is busy or its custody log is damaged
   */
  public Optional<byte[]> view(UUID caseId, String sha256, boolean reveal, String user)
      throws IOException {
    return view(caseId, sha256, reveal, false, user);
  }

  /**
   * As {@link #view(UUID, String, boolean, String)}; a thumbnail is smaller and is never revealed.
   */
  public Optional<byte[]> view(
      UUID caseId, String sha256, boolean reveal, boolean thumbnail, String user)
      throws IOException {
    reveal = reveal && !thumbnail;
    if (!sha256.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Optional<String> folder =
        jdbc.sql(
                "select c.folder from media m join cases c on c.id = m.case_id"
                    + " where m.case_id = ? and m.sha256 = ? and m.kind = 'image'")
            .params(caseId, sha256)
            .query(String.class)
            .optional();
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    Keys keys = folders.keys();
    CaseFolder cf = new CaseFolder(Path.of(folder.get()));
    byte[] bytes = new Vault(cf.evidence(), keys.vault(), false).read(sha256);
    BufferedImage shown;
    try {
      shown = fit(decoder.decode(bytes).image(), thumbnail ? THUMB_EDGE : MAX_EDGE);
    } catch (ImageDecodeException e) {
      return Optional.empty();
    }
    if (!reveal) {
      shown = blur(shown);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("sha256", sha256);
    f.put("by", user);
    f.put("revealed", reveal);
    folders.note(cf.dir(), keys, "viewed", f);
    audit.record(user, reveal ? "media_revealed" : "media_viewed", caseId, sha256);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(shown, "jpg", out);
    return Optional.of(out.toByteArray());
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
