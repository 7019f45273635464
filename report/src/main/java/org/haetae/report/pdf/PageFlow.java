package org.haetae.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays text and tables down A4 pages from top to bottom: wraps words (and words too long for a
 * line, such as hashes), starts a new page when one is full, repeats a table's header there, and
 * numbers the pages at the end. Shared by the case report and the takedown notices so that both
 * wrap, break pages and fall back on missing glyphs the same way.
 */
public final class PageFlow {
  static final float BODY = 9.5f;
  static final float SMALL = 8f;
  private static final float PAD = 3;
  private static final PDRectangle SIZE = PDRectangle.A4;

  private final PDDocument doc;
  private final PdfFonts fonts;
  private final float margin;
  private final float spacing;
  private PDPageContentStream out;
  private float y;

  /** The report's layout: 48 pt margins, lines 1.3 times the font size apart. */
  public PageFlow(PDDocument doc, PdfFonts fonts) {
    this(doc, fonts, 48, 1.3f);
  }

  /**
   * @param margin page margin in points, on all four sides
   * @param spacing line height as a multiple of the font size
   */
  public PageFlow(PDDocument doc, PdfFonts fonts, float margin, float spacing) {
    this.doc = doc;
    this.fonts = fonts;
    this.margin = margin;
    this.spacing = spacing;
  }

  float width() {
    return SIZE.getWidth() - 2 * margin;
  }

  /** Height of a line of text in {@code size} points. */
  public float leading(float size) {
    return size * spacing;
  }

  public void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - margin;
  }

  /** Makes sure {@code height} points are left on the page, else starts a new one. */
  public void need(float height) throws IOException {
    if (out == null || y - height < margin + 14) {
      newPage();
    }
  }

  public void space(float points) {
    y -= points;
  }

  public void title(String text) throws IOException {
    block(text, 18, true, 0);
    space(4);
  }

  public void heading(String text) throws IOException {
    // A heading alone at the foot of a page helps nobody: keep room for a few lines under it.
    need(leading(14) + 4 * leading(BODY));
    space(6);
    block(text, 14, true, 0);
    space(2);
  }

  public void subheading(String text) throws IOException {
    need(leading(11) + 3 * leading(BODY));
    space(4);
    block(text, 11, true, 0);
  }

  public void paragraph(String text) throws IOException {
    block(text, BODY, false, 0);
    space(3);
  }

  public void note(String text) throws IOException {
    block(text, SMALL, false, 0);
    space(3);
  }

  /** {@code text} wrapped over the full width, in {@code size} points. */
  public void text(String text, float size, boolean bold) throws IOException {
    block(text, size, bold, 0);
  }

  private void block(String text, float size, boolean bold, float indent) throws IOException {
    PDFont font = bold ? fonts.bold : fonts.regular;
    float leading = leading(size);
    for (String line : wrap(text, font, size, width() - indent)) {
      need(leading);
      y -= leading;
      show(line, font, size, bold, margin + indent, y + size * 0.25f);
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
    need(3 * leading(SMALL) + 4 * PAD);
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
    float leading = leading(size);
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
      int fit = (int) ((y - margin - 14 - 2 * PAD) / leading);
      if (out == null || fit < 1) {
        newPage();
        if (!head && header != null) {
          row(cols, header, true, header);
        }
        continue;
      }
      int take = Math.min(fit, tallest - done);
      float h = take * leading + 2 * PAD;
      float x = margin;
      if (head) {
        out.setNonStrokingColor(0.92f, 0.93f, 0.95f);
        out.addRect(margin, y - h, width(), h);
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
  public void finish(String left) throws IOException {
    finish(left, (i, n) -> "page " + i + " of " + n);
  }

  /**
   * Closes the last page and writes {@code left} and {@code number.apply(i, n)} (1-based page i of
   * n) at the foot of every page.
   */
  public void finish(String left, BiFunction<Integer, Integer, String> number) throws IOException {
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
        String label = fonts.printable(fonts.regular, number.apply(i + 1, n));
        float w = fonts.width(fonts.regular, SMALL, label);
        s.setNonStrokingColor(0.35f, 0.38f, 0.42f);
        s.beginText();
        s.setFont(fonts.regular, SMALL);
        s.newLineAtOffset(margin, margin - 20);
        s.showText(foot);
        s.endText();
        s.beginText();
        s.setFont(fonts.regular, SMALL);
        s.newLineAtOffset(SIZE.getWidth() - margin - w, margin - 20);
        s.showText(label);
        s.endText();
      }
    }
  }
}
