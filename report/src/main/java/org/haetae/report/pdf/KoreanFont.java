package org.haetae.report.pdf;

import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The Korean font of report.pdf (Noto Sans KR, which the build puts on the class path), for other
 * modules that write PDFs with Hangul in them.
 */
public final class KoreanFont {
  private KoreanFont() {}

  /**
   * Noto Sans KR loaded into {@code doc}, embedded as a subset of the glyphs used; empty when the
   * font is not on the class path or cannot be read.
   */
  public static Optional<PDFont> load(PDDocument doc) {
    PdfFonts fonts = PdfFonts.load(doc, true);
    return fonts.warning == null ? Optional.of(fonts.regular) : Optional.empty();
  }
}
