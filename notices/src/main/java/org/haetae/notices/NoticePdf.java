package org.haetae.notices;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.haetae.report.pdf.KoreanFont;

/**
 * A notice on A4 pages: the subject as title, numbered section headings, wrapped paragraphs, and
 * "page i of n" at the foot of every page. Hangul needs Noto Sans KR (from the report module); an
 * English notice without characters outside Helvetica's set comes out without it.
 */
final class NoticePdf {
  private static final PDRectangle SIZE = PDRectangle.A4;
  private static final float MARGIN = 56;
  private static final float TITLE = 15;
  private static final float HEADING = 12;
  private static final float BODY = 10;
  private static final float SMALL = 8;

  private final PDDocument doc;
  private final PDFont regular;
  private final PDFont bold;
  private final boolean strokeBold;
  private final Map<Integer, Boolean> showable = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  private NoticePdf(PDDocument doc, PDFont regular, PDFont bold, boolean strokeBold) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.strokeBold = strokeBold;
  }

  /** Writes {@code notice} as PDF to {@code sink} and returns the number of pages. */
  static int write(Notice notice, String footer, OutputStream sink) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      Optional<PDFont> korean = KoreanFont.load(doc);
      NoticePdf pdf;
      if (korean.isPresent()) {
        pdf = new NoticePdf(doc, korean.get(), korean.get(), true);
      } else {
        PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String all = notice.subject() + notice.body() + footer;
        try {
          helvetica.encode(all.replaceAll("\\s", " "));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "the Korean font (Noto Sans KR, put on the class path by the report module's build)"
                  + " is missing, and this notice has characters no standard PDF font can show",
              e);
        }
        pdf =
            new NoticePdf(
                doc, helvetica, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
      }
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(notice.subject());
      info.setProducer("Haetae");
      doc.setDocumentInformation(info);
      pdf.lay(notice);
      pdf.finish(footer, notice.language());
      doc.save(sink);
      return doc.getNumberOfPages();
    }
  }

  private void lay(Notice notice) throws IOException {
    newPage();
    block(notice.subject(), TITLE, true);
    y -= 8;
    int n = 0;
    for (Notice.Section s : notice.sections()) {
      if (s.heading() != null) {
        need(HEADING * 1.35f + 3 * BODY * 1.35f);
        y -= 8;
        block(++n + ". " + s.heading(), HEADING, true);
        y -= 3;
      }
      for (String p : s.paragraphs()) {
        block(p, BODY, false);
        y -= 5;
      }
    }
  }

  private float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - MARGIN;
  }

  private void need(float height) throws IOException {
    if (y - height < MARGIN + 16) {
      newPage();
    }
  }

  private void block(String text, float size, boolean heavy) throws IOException {
    PDFont font = heavy ? bold : regular;
    float leading = size * 1.35f;
    for (String line : wrap(text, font, size)) {
      need(leading);
      y -= leading;
      show(line, font, size, heavy, MARGIN, y + size * 0.25f);
    }
  }

  private void show(String text, PDFont font, float size, boolean heavy, float x, float baseline)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    boolean stroke = heavy && strokeBold;
    out.beginText();
    out.setFont(font, size);
    if (stroke) {
      // One font file: bold is the regular glyphs drawn with an outline.
      out.setRenderingMode(RenderingMode.FILL_STROKE);
      out.setStrokingColor(0f, 0f, 0f);
      out.setLineWidth(size * 0.035f);
    }
    out.newLineAtOffset(x, baseline);
    out.showText(text);
    if (stroke) {
      out.setRenderingMode(RenderingMode.FILL);
    }
    out.endText();
  }

  /** Lines no wider than the page; {@code \n} starts a new line, over-long words are cut. */
  private List<String> wrap(String text, PDFont font, float size) {
    List<String> lines = new ArrayList<>();
    float max = width();
    for (String para : text.split("\n", -1)) {
      String p = printable(font, para).strip();
      StringBuilder line = new StringBuilder();
      for (String word : p.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(font, size, candidate) <= max) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (width(font, size, rest) > max) {
          int cut = fitting(rest, font, size, max);
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private int fitting(String s, PDFont font, float size, float max) {
    int end = s.offsetByCodePoints(0, 1);
    while (end < s.length()) {
      int next = s.offsetByCodePoints(end, 1);
      if (width(font, size, s.substring(0, next)) > max) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException | IllegalArgumentException e) {
      return text.length() * size * 0.6f;
    }
  }

  /** Control characters become spaces, invisible format characters go, the rest shows or is ?. */
  private String printable(PDFont font, String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                b.append(' ');
              } else if (Character.getType(cp) == Character.FORMAT) {
                // zero-width joiners and direction overrides, which could reorder the text
              } else if (showable.computeIfAbsent(cp, c -> canShow(font, c))) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private static boolean canShow(PDFont font, int cp) {
    String s = new String(Character.toChars(cp));
    try {
      font.encode(s);
      return cp == ' ' || font.getStringWidth(s) > 0;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  private void finish(String footer, Language language) throws IOException {
    out.close();
    out = null;
    int n = doc.getNumberOfPages();
    String left = printable(regular, footer);
    for (int i = 0; i < n; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream s =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String number =
            language == Language.KO ? (i + 1) + " / " + n + " 쪽" : "page " + (i + 1) + " of " + n;
        number = printable(regular, number);
        s.setNonStrokingColor(0.35f, 0.38f, 0.42f);
        s.beginText();
        s.setFont(regular, SMALL);
        s.newLineAtOffset(MARGIN, MARGIN - 24);
        s.showText(left);
        s.endText();
        s.beginText();
        s.setFont(regular, SMALL);
        s.newLineAtOffset(SIZE.getWidth() - MARGIN - width(regular, SMALL, number), MARGIN - 24);
        s.showText(number);
        s.endText();
      }
    }
  }
}
