package org.haetae.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.report.CaseFixture;
import org.junit.jupiter.api.Test;

class PdfReportTest {
  record Out(byte[] bytes, PdfReport.Result result) {}

  private static Out write(CaseAnalysis a, PdfReport.Options o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfReport.Result r = PdfReport.write(a, o, out);
    return new Out(out.toByteArray(), r);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void koreanAndEnglishNamesRolesAndTheMerkleRootAreInTheText() throws Exception {
    CaseAnalysis a = CaseFixture.analysis();
    Out out = write(a, PdfReport.Options.DEFAULT);
    assertThat(out.result().warnings()).isEmpty();
    String text = text(out.bytes());
    assertThat(text).contains(CaseFixture.CASE_ID);
    assertThat(text).contains(CaseFixture.KOREAN_NAME).contains(CaseFixture.KOREAN_ROOM);
    assertThat(text).contains("Alice Kim").contains(CaseFixture.XSS_NAME);
    assertThat(text).contains("distributor").contains("requester").contains("possessor");
    assertThat(text).contains("chat1002#501 (2024-03-03 00:00 UTC)");
    assertThat(text).contains("그 여자 사진 보내줘");
    String squeezed = text.replaceAll("\\s", "");
    assertThat(squeezed).contains("2".repeat(64)).contains("1".repeat(64));
    assertThat(squeezed).contains(CaseFixture.EXPORT_2_SHA);
    assertThat(text).contains("page 1 of " + out.result().pages());
    assertThat(out.result().pages()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void embedsOnlyASubsetOfTheKoreanFontAndNoImages() throws Exception {
    Out out = write(CaseFixture.analysis(), PdfReport.Options.DEFAULT);
    // The full font is 6 MB; a subset of the few glyphs used is a small fraction of that.
    assertThat(out.bytes().length).isLessThan(400_000);
    try (PDDocument doc = Loader.loadPDF(out.bytes())) {
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          assertThat(page.getResources().getXObject(name)).isNotInstanceOf(PDImageXObject.class);
        }
        for (var name : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(name).getName()).contains("NotoSansKR");
        }
      }
    }
  }

  @Test
  void withoutTheKoreanFontItStillWritesAndSaysSo() throws Exception {
    Out out = write(CaseFixture.analysis(), new PdfReport.Options(500, 50, false));
    assertThat(out.result().warnings()).singleElement().asString().contains("replaced by ?");
    String text = text(out.bytes());
    assertThat(text).contains(CaseFixture.CASE_ID).contains("Alice Kim").contains("distributor");
    assertThat(text).doesNotContain(CaseFixture.KOREAN_NAME).contains("???");
    assertThat(text).contains("replaced by ?");
  }

  @Test
  void longTablesRunOntoNumberedPagesAndStopAtTheLimit() throws Exception {
    CaseAnalysis big = CaseFixture.big(400);
    Out out = write(big, new PdfReport.Options(300, 50, true));
    String text = text(out.bytes());
    int pages = out.result().pages();
    assertThat(pages).isGreaterThan(20);
    assertThat(text).contains("page " + pages + " of " + pages);
    assertThat(text).contains("#300").doesNotContain("#301 ");
    assertThat(text).contains("100 more accounts in report.json");
    assertThat(text).contains("100 more matches in report.json");
    // The matches table's header is repeated on the pages it runs onto.
    assertThat(text.split("Room and message", -1).length - 1).isGreaterThan(3);
  }

  @Test
  void wrapsLongWordsAndKeepsEveryCharacter() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PdfFonts fonts = PdfFonts.load(doc, true);
      PageFlow flow = new PageFlow(doc, fonts);
      String hash = "0123456789abcdef".repeat(8);
      var lines = flow.wrap("short words then " + hash + " 끝\nnext", fonts.regular, 8, 120);
      assertThat(lines.size()).isGreaterThan(3);
      for (String l : lines) {
        assertThat(fonts.width(fonts.regular, 8, l)).isLessThanOrEqualTo(120f);
      }
      assertThat(String.join("", lines).replace(" ", ""))
          .isEqualTo(("shortwordsthen" + hash + "끝next"));
      assertThat(lines.get(lines.size() - 1)).isEqualTo("next");
    }
  }

  @Test
  void theFontLosesOnlyItsVariationSequenceTable() throws Exception {
    byte[] ttf;
    try (var in = PdfFonts.class.getResourceAsStream(PdfFonts.KOREAN_FONT)) {
      ttf = in.readAllBytes();
    }
    byte[] patched = PdfFonts.withoutFormat14(ttf);
    assertThat(cmapFormats(ttf)).contains(14);
    assertThat(cmapFormats(patched)).doesNotContain(14).contains(4, 12);
    int differing = 0;
    for (int i = 0; i < ttf.length; i++) {
      differing += ttf[i] != patched[i] ? 1 : 0;
    }
    assertThat(differing).isBetween(1, 4); // one 32-bit offset
    assertThat(PdfFonts.withoutFormat14(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
  }

  private static java.util.List<Integer> cmapFormats(byte[] ttf) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(ttf);
    int cmap = -1;
    for (int i = 0; i < (b.getShort(4) & 0xffff); i++) {
      if (b.getInt(12 + 16 * i) == 0x636d6170) {
        cmap = b.getInt(12 + 16 * i + 8);
      }
    }
    java.util.List<Integer> formats = new java.util.ArrayList<>();
    for (int i = 0; i < (b.getShort(cmap + 2) & 0xffff); i++) {
      formats.add(b.getShort(cmap + b.getInt(cmap + 4 + 8 * i + 4)) & 0xffff);
    }
    return formats;
  }

  @Test
  void controlAndInvisibleCharactersNeverReachThePage() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PdfFonts fonts = PdfFonts.load(doc, true);
      assertThat(fonts.printable(fonts.regular, "a\tb\u202Ec\u0000")).isEqualTo("a bc ");
      assertThat(fonts.printable(fonts.regular, "김 ok")).isEqualTo("김 ok");
      PdfFonts plain = PdfFonts.load(doc, false);
      assertThat(plain.printable(plain.regular, "김 ok é")).isEqualTo("? ok é");
    }
  }
}
