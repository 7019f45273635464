package org.haetae.demo.investigation;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What re-sharing did to a picture, relative to the victim's original: a crop, a resize, a caption
 * or watermark drawn on, and the JPEG quality it was saved at. {@link #label()} names it in the
 * ground truth, e.g. {@code crop_3pct+reencode_q70}; {@code exact} is the original as first posted.
 *
 * @param crop per-mille cut from the left, top, right and bottom sides
 * @param scalePct 100 for none
 * @param overlay text drawn on the picture, or null
 * @param overlayStyle where and how it is drawn (0 caption, 1 corner watermark, 2 caption band)
 * @param quality JPEG quality; {@link Pictures#POSTED_QUALITY} is no re-encode
 */
record Edit(int[] crop, int scalePct, String overlay, int overlayStyle, int quality) {
  static final Edit EXACT = new Edit(new int[4], 100, null, 0, Pictures.POSTED_QUALITY);

  private static final List<String> WATERMARKS =
      List.of("@jaryo_box", "NO REUPLOAD", "@night_archive", "2024.08", "SB", "@dm_for_more", "v2");

  Edit {
    crop = crop.clone();
  }

  boolean cropped() {
    return crop[0] + crop[1] + crop[2] + crop[3] > 0;
  }

  String label() {
    List<String> parts = new ArrayList<>();
    if (cropped()) {
      int max = Math.max(Math.max(crop[0], crop[1]), Math.max(crop[2], crop[3]));
      parts.add("crop_" + Math.max(1, (max + 5) / 10) + "pct");
    }
    if (scalePct != 100) {
      parts.add("resize_" + scalePct + "pct");
    }
    if (overlay != null) {
      parts.add("overlay_text");
    }
    if (quality != Pictures.POSTED_QUALITY) {
      parts.add("reencode_q" + quality);
    }
    return parts.isEmpty() ? "exact" : String.join("+", parts);
  }

  /** The creator's own post: as drawn, or with a watermark. */
  static Edit creation(Random r) {
    return r.nextInt(100) < 65 ? EXACT : EXACT.withOverlay(r);
  }

  /** A channel's repost: stamped with its watermark, sometimes smaller. */
  static Edit channel(Random r, String watermark) {
    Edit e =
        new Edit(new int[4], r.nextBoolean() ? 100 : 80, watermark, 1, Pictures.POSTED_QUALITY);
    return e;
  }

  /** A member's repost: one to three of the usual edits. */
  static Edit repost(Random r) {
    int roll = r.nextInt(100);
    Edit e = EXACT;
    if (roll < 20) {
      return e.withQuality(r);
    }
    if (roll < 40) {
      return e.withScale(r);
    }
    if (roll < 55) {
      return e.withCrop(r);
    }
    if (roll < 70) {
      return e.withOverlay(r);
    }
    if (roll < 80) {
      return e.withScale(r).withQuality(r);
    }
    if (roll < 88) {
      return e.withCrop(r).withOverlay(r);
    }
    if (roll < 95) {
      return e.withCrop(r).withScale(r).withQuality(r);
    }
    return e.withOverlay(r).withQuality(r);
  }

  Edit withQuality(Random r) {
    return new Edit(crop, scalePct, overlay, overlayStyle, 60 + r.nextInt(26));
  }

  Edit withScale(Random r) {
    return new Edit(crop, 50 + 5 * r.nextInt(7), overlay, overlayStyle, quality);
  }

  /** Up to 10% per side; {@link #weaker()} backs off when PDQ would no longer match. */
  Edit withCrop(Random r) {
    int[] c = new int[4];
    int sides = 1 + r.nextInt(4);
    for (int i = 0; i < sides; i++) {
      c[r.nextInt(4)] = 10 + r.nextInt(91);
    }
    return new Edit(c, scalePct, overlay, overlayStyle, quality);
  }

  Edit withOverlay(Random r) {
    return new Edit(
        crop, scalePct, WATERMARKS.get(r.nextInt(WATERMARKS.size())), r.nextInt(3), quality);
  }

  /**
   * A milder version of this edit, or null when it is already {@link #EXACT}: crops shrink first
   * (PDQ tolerates the least of them), then the caption goes, then the resize, then the re-encode.
   */
  Edit weaker() {
    if (cropped()) {
      int[] c = new int[4];
      for (int i = 0; i < 4; i++) {
        c[i] = crop[i] < 8 ? 0 : crop[i] * 2 / 3;
      }
      return new Edit(c, scalePct, overlay, overlayStyle, quality);
    }
    if (overlay != null) {
      return new Edit(crop, scalePct, null, 0, quality);
    }
    if (scalePct != 100) {
      return new Edit(crop, 100, overlay, overlayStyle, quality);
    }
    if (quality != Pictures.POSTED_QUALITY) {
      return EXACT;
    }
    return null;
  }

  BufferedImage apply(BufferedImage original) {
    BufferedImage img = original;
    if (cropped()) {
      int w = img.getWidth();
      int h = img.getHeight();
      int x0 = w * crop[0] / 1000;
      int y0 = h * crop[1] / 1000;
      int x1 = w - w * crop[2] / 1000;
      int y1 = h - h * crop[3] / 1000;
      img = Pictures.scaled(img.getSubimage(x0, y0, x1 - x0, y1 - y0), x1 - x0, y1 - y0, false);
    }
    if (scalePct != 100) {
      img =
          Pictures.scaled(
              img,
              Math.max(1, img.getWidth() * scalePct / 100),
              Math.max(1, img.getHeight() * scalePct / 100),
              false);
    }
    if (overlay != null) {
      if (img == original) {
        img = Pictures.scaled(img, img.getWidth(), img.getHeight(), false);
      }
      drawText(img);
    }
    return img;
  }

  /** Width and height of the edited picture, known without drawing it. */
  int[] size(int w, int h) {
    int cw = w - w * crop[0] / 1000 - w * crop[2] / 1000;
    int ch = h - h * crop[1] / 1000 - h * crop[3] / 1000;
    if (scalePct != 100) {
      cw = Math.max(1, cw * scalePct / 100);
      ch = Math.max(1, ch * scalePct / 100);
    }
    return new int[] {cw, ch};
  }

  private void drawText(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int w = img.getWidth();
    int h = img.getHeight();
    switch (overlayStyle) {
      case 1 -> {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, h / 18)));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
        g.setColor(Color.WHITE);
        int tw = g.getFontMetrics().stringWidth(overlay);
        g.drawString(overlay, w - tw - w / 30, h / 12);
      }
      case 2 -> {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.setColor(Color.BLACK);
        g.fillRect(0, h - h / 9, w, h / 9);
        g.setComposite(AlphaComposite.SrcOver);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, h / 16)));
        g.setColor(Color.WHITE);
        g.drawString(overlay, w / 25, h - h / 30);
      }
      default -> {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, h / 14)));
        g.setColor(new Color(255, 255, 255, 200));
        g.drawString(overlay, w / 20, h - h / 14);
      }
    }
    g.dispose();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Edit e
        && java.util.Arrays.equals(crop, e.crop)
        && scalePct == e.scalePct
        && java.util.Objects.equals(overlay, e.overlay)
        && overlayStyle == e.overlayStyle
        && quality == e.quality;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        java.util.Arrays.hashCode(crop), scalePct, overlay, overlayStyle, quality);
  }

  @Override
  public String toString() {
    return label();
  }
}
