package org.haetae.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays text and tables down A4 pages from top to bottom: wraps words (and words too long for a
 * line, such as hashes), starts a new page when one is full, repeats a table's header there, and
 * numbers the pages at the end.
 */
final class PageFlow {
  static final float MARGIN = 48;
  static final float BODY = 9.5f;
  static final float SMALL = 8f;
  private static final float PAD = 3;
  private static final PDRectangle SIZE = PDRectangle.A4;

  private final PDDocument doc;
  private final PdfFonts fonts;
  private PDPageContentStream out;
  private float y;

  PageFlow(PDDocument doc, PdfFonts fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - MARGIN;
  }

  /** Makes sure {@code height} points are left on the page, else starts a new one. */
  void need(float height) throws IOException {
    if (out == null || y - height < MARGIN + 14) {
      newPage();
    }
  }

  void space(float points) {
    y -= points;
  }

  void title(String text) throws IOException {
    block(text, 18, true, 0);
    space(4);
  }

  void heading(String text) throws IOException {
    // A heading alone at the foot of a page helps nobody: keep room for a few lines under it.
    need(14 * 1.3f + 4 * BODY * 1.3f);
    space(6);
    block(text, 14, true, 0);
    space(2);
  }

  void subheading(String text) throws IOException {
    need(11 * 1.3f + 3 * BODY * 1.3f);
    space(4);
    block(text, 11, true, 0);
  }

  void paragraph(String text) throws IOException {
    block(text, BODY, false, 0);
    space(3);
  }

  void note(String text) throws IOException {
    block(text, SMALL, false, 0);
    space(3);
  }

  private void block(String text, float size, boolean bold, float indent) throws IOException {
    PDFont font = bold ? fonts.bold : fonts.regular;
    float leading = size * 1.3f;
    for (String line : wrap(text, font, size, width() - indent)) {
      need(leading);
      y -= leading;
      show(line, font, size, bold, MARGIN + indent, y + size * 0.25f);
    }
  }

  /**
   * A table over the full width.
   *
   * @param widths relative column widths
   * @param header column titles, repeated on each page the table runs onto; null for none
   */
  void table(float[] widths, List<String> header, List<List<String>> rows) throws IOException {
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    float[] cols = new float[widths.length];
    for (int i = 0; i < widths.length; i++) {
      cols[i] = widths[i] / total * width();
    }
    need(3 * SMALL * 1.3f + 4 * PAD);
    if (header != null) {
      row(cols, header, true, header);
    }
    for (List<String> r : rows) {
      row(cols, r, false, header);
    }
    space(6);
  }

  private void row(float[] cols, List<String> cells, boolean head, List<String> header)
      throws IOException {
    float size = SMALL;
    float leading = size * 1.3f;
    PDFont font = head ? fonts.bold : fonts.regular;
    List<List<String>> lines = new ArrayList<>();
    int tallest = 1;
    for (int i = 0; i < cols.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      List<String> l = wrap(cell, font, size, cols[i] - 2 * PAD);
      lines.add(l);
      tallest = Math.max(tallest, l.size());
    }
    int done = 0;
    while (done < tallest) {
      int fit = (int) ((y - MARGIN - 14 - 2 * PAD) / leading);
      if (out == null || fit < 1) {
        newPage();
        if (!head && header != null) {
          row(cols, header, true, header);
        }
        continue;
      }
      int take = Math.min(fit, tallest - done);
      float h = take * leading + 2 * PAD;
      float x = MARGIN;
      if (head) {
        out.setNonStrokingColor(0.92f, 0.93f, 0.95f);
        out.addRect(MARGIN, y - h, width(), h);
        out.fill();
      }
      out.setStrokingColor(0.75f, 0.77f, 0.8f);
      out.setLineWidth(0.4f);
      for (int i = 0; i < cols.length; i++) {
        out.addRect(x, y - h, cols[i], h);
        List<String> l = lines.get(i);
        for (int k = 0; k < take && done + k < l.size(); k++) {
          float baseline = y - PAD - (k + 1) * leading + size * 0.3f;
          show(l.get(done + k), font, size, head, x + PAD, baseline);
        }
        x += cols[i];
      }
      out.stroke();
      out.setNonStrokingColor(0f, 0f, 0f);
      y -= h;
      done += take;
    }
  }

  private void show(String text, PDFont font, float size, boolean bold, float x, float y)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    boolean stroke = bold && fonts.strokeBold;
    out.beginText();
    out.setFont(font, size);
    if (stroke) {
      out.setRenderingMode(RenderingMode.FILL_STROKE);
      out.setStrokingColor(0f, 0f, 0f);
      out.setLineWidth(size * 0.035f);
    }
    out.newLineAtOffset(x, y);
    out.showText(text);
    if (stroke) {
      out.setRenderingMode(RenderingMode.FILL);
    }
    out.endText();
  }

  /** Lines of printable text no wider than {@code max}; {@code \n} starts a new line. */
  List<String> wrap(String text, PDFont font, float size, float max) {
    List<String> lines = new ArrayList<>();
    for (String para : (text == null ? "" : text).split("\n", -1)) {
      String p = fonts.printable(font, para).strip();
      StringBuilder line = new StringBuilder();
      for (String word : p.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (fonts.width(font, size, candidate) <= max) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word wider than the column (a hash, a URL) is cut where the line is full.
        String rest = word;
        while (fonts.width(font, size, rest) > max) {
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

  /** How many chars of {@code s} (whole code points, at least one) fit in {@code max}. */
  private int fitting(String s, PDFont font, float size, float max) {
    int lo = s.offsetByCodePoints(0, 1);
    int end = lo;
    while (end < s.length()) {
      int next = s.offsetByCodePoints(end, 1);
      if (fonts.width(font, size, s.substring(0, next)) > max) {
        break;
      }
      end = next;
    }
    return end;
  }

  /** Closes the last page and writes {@code left} and "page i of n" at the foot of every page. */
  void finish(String left) throws IOException {
    if (out == null) {
      newPage();
    }
    out.close();
    out = null;
    int n = doc.getNumberOfPages();
    String foot = fonts.printable(fonts.regular, left);
    for (int i = 0; i < n; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream s =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        String number = "page " + (i + 1) + " of " + n;
        float w = fonts.width(fonts.regular, SMALL, number);
        s.setNonStrokingColor(0.35f, 0.38f, 0.42f);
        s.beginText();
        s.setFont(fonts.regular, SMALL);
        s.newLineAtOffset(MARGIN, MARGIN - 20);
        s.showText(foot);
        s.endText();
        s.beginText();
        s.setFont(fonts.regular, SMALL);
        s.newLineAtOffset(SIZE.getWidth() - MARGIN - w, MARGIN - 20);
        s.showText(number);
        s.endText();
      }
    }
  }
}
