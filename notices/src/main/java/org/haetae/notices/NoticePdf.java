package org.haetae.notices;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.haetae.report.pdf.PageFlow;
import org.haetae.report.pdf.PdfFonts;

/**
 * A notice on A4 pages: the subject as title, numbered section headings, wrapped paragraphs, and
 * "page i of n" at the foot of every page. Hangul needs Noto Sans KR (from the report module); an
 * English notice without characters outside Helvetica's set comes out without it.
 */
final class NoticePdf {
  // A letter, not a report: wider margins and looser lines than the report's defaults.
  private static final float MARGIN = 56;
  private static final float SPACING = 1.35f;
  private static final float TITLE = 15;
  private static final float HEADING = 12;
  private static final float BODY = 10;

  private NoticePdf() {}

  /** Writes {@code notice} as PDF to {@code sink} and returns the number of pages. */
  static int write(Notice notice, String footer, OutputStream sink) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfFonts fonts = PdfFonts.forText(doc, notice.subject() + notice.body() + footer);
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(notice.subject());
      info.setProducer("Haetae");
      doc.setDocumentInformation(info);
      PageFlow flow = new PageFlow(doc, fonts, MARGIN, SPACING);
      lay(flow, notice);
      if (notice.language() == Language.KO) {
        flow.finish(footer, (i, n) -> i + " / " + n + " 쪽");
      } else {
        flow.finish(footer);
      }
      doc.save(sink);
      return doc.getNumberOfPages();
    }
  }

  private static void lay(PageFlow flow, Notice notice) throws IOException {
    flow.newPage();
    flow.text(notice.subject(), TITLE, true);
    flow.space(8);
    int n = 0;
    for (Notice.Section s : notice.sections()) {
      if (s.heading() != null) {
        // Keep a heading with the first lines of its section.
        flow.need(flow.leading(HEADING) + 3 * flow.leading(BODY));
        flow.space(8);
        flow.text(++n + ". " + s.heading(), HEADING, true);
        flow.space(3);
      }
      for (String p : s.paragraphs()) {
        flow.text(p, BODY, false);
        flow.space(5);
      }
    }
  }
}
