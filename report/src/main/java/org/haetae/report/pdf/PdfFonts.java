package org.haetae.report.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of report.pdf and of the takedown notices' PDFs. PDF's standard fonts have no Hangul,
 * so these embed (as a subset) Noto Sans KR, which the build puts on the class path. Without it the
 * report still comes out, in Helvetica, with every character Helvetica cannot show replaced by
 * {@code ?}.
 */
public final class PdfFonts {
  static final String KOREAN_FONT = "font/NotoSansKR-Regular.ttf";

  final PDFont regular;
  final PDFont bold;

  /** True when {@link #bold} is the regular font drawn with an outline (one file, not two). */
  final boolean strokeBold;

  /** Why the Korean font is not used, or null when it is. */
  final String warning;

  private final Map<PDFont, Map<Integer, Boolean>> known = new HashMap<>();

  private PdfFonts(PDFont regular, PDFont bold, boolean strokeBold, String warning) {
    this.regular = regular;
    this.bold = bold;
    this.strokeBold = strokeBold;
    this.warning = warning;
  }

  static PdfFonts load(PDDocument doc, boolean korean) {
    String warning = "the Korean font was not requested";
    if (korean) {
      try (InputStream in = PdfFonts.class.getResourceAsStream(KOREAN_FONT)) {
        if (in == null) {
          warning = "the Korean font is not on the class path";
        } else {
          byte[] ttf = withoutFormat14(in.readAllBytes());
          PDFont font = PDType0Font.load(doc, new ByteArrayInputStream(ttf), true);
          return new PdfFonts(font, font, true, null);
        }
      } catch (IOException | RuntimeException e) {
        warning = "the Korean font could not be loaded";
      }
    }
    return new PdfFonts(
        new PDType1Font(Standard14Fonts.FontName.HELVETICA),
        new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
        false,
        warning + "; characters Helvetica cannot show are replaced by ?");
  }

  /**
   * Noto Sans KR when it is on the class path; otherwise Helvetica, but only if it can show all of
   * {@code text}: a document that would come out with {@code ?} in place of its words is worse than
   * none.
   *
   * @throws IllegalStateException when neither can show {@code text}
   */
  public static PdfFonts forText(PDDocument doc, String text) {
    PdfFonts fonts = load(doc, true);
    if (fonts.warning != null) {
      try {
        fonts.regular.encode(text.replaceAll("\\s", " "));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "the Korean font (Noto Sans KR, put on the class path by the report module's build)"
                + " is missing, and this text has characters no standard PDF font can show",
            e);
      }
    }
    return fonts;
  }

  /**
   * The font with its Unicode variation-sequence cmap (format 14) pointed at another of its cmaps.
   * FontBox cannot use format 14 and warns on every load, which would print from a module that must
   * print nothing; the report never needs variation sequences, and the embedded subset gets a cmap
   * of its own anyway. Anything unexpected leaves the bytes as they were.
   */
  static byte[] withoutFormat14(byte[] ttf) {
    try {
      ByteBuffer b = ByteBuffer.wrap(ttf);
      int tables = b.getShort(4) & 0xffff;
      int cmap = -1;
      for (int i = 0; i < tables; i++) {
        int rec = 12 + 16 * i;
        if (b.getInt(rec) == 0x636d6170) { // 'cmap'
          cmap = b.getInt(rec + 8);
        }
      }
      if (cmap < 0) {
        return ttf;
      }
      int records = b.getShort(cmap + 2) & 0xffff;
      int usable = -1;
      for (int i = 0; i < records; i++) {
        int offset = b.getInt(cmap + 4 + 8 * i + 4);
        if ((b.getShort(cmap + offset) & 0xffff) != 14) {
          usable = offset;
        }
      }
      if (usable < 0) {
        return ttf;
      }
      byte[] out = ttf.clone();
      ByteBuffer o = ByteBuffer.wrap(out);
      for (int i = 0; i < records; i++) {
        int at = cmap + 4 + 8 * i + 4;
        if ((b.getShort(cmap + b.getInt(at)) & 0xffff) == 14) {
          o.putInt(at, usable);
        }
      }
      return out;
    } catch (IndexOutOfBoundsException e) {
      return ttf;
    }
  }

  /**
   * {@code text} as the font can show it: line breaks and other control characters become spaces,
   * characters without a glyph become {@code ?}.
   */
  String printable(PDFont font, String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    Map<Integer, Boolean> cache = known.computeIfAbsent(font, f -> new HashMap<>());
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                b.append(' ');
              } else if (Character.getType(cp) == Character.FORMAT) {
                // Invisible: zero-width joiners and direction overrides, which could reorder text.
              } else if (cache.computeIfAbsent(cp, c -> canShow(font, c))) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private static boolean canShow(PDFont font, int cp) {
    try {
      font.encode(new String(Character.toChars(cp)));
      // Some fonts map a character to glyph 0 (.notdef) without complaint: an empty box.
      return font.getStringWidth(new String(Character.toChars(cp))) > 0
          || cp == ' '
          || Character.getType(cp) == Character.NON_SPACING_MARK;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  /** Width of printable text in points. */
  float width(PDFont font, float size, String printable) {
    try {
      return font.getStringWidth(printable) / 1000f * size;
    } catch (IOException | IllegalArgumentException e) {
      return printable.length() * size * 0.6f;
    }
  }
}
