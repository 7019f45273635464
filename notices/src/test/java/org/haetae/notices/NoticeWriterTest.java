package org.haetae.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.haetae.notices.Fixtures.MD5;
import static org.haetae.notices.Fixtures.PDQ;
import static org.haetae.notices.Fixtures.PSEUDONYM;
import static org.haetae.notices.Fixtures.URL_1;
import static org.haetae.notices.Fixtures.URL_2;
import static org.haetae.notices.Fixtures.VICTIM_NAME;
import static org.haetae.notices.Language.EN;
import static org.haetae.notices.Language.KO;
import static org.haetae.notices.NoticeKind.DSA_ART16;
import static org.haetae.notices.NoticeKind.KR_KCSC;
import static org.haetae.notices.NoticeKind.TAKE_IT_DOWN;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeWriterTest {

  /** A notice as e-mail text and as the text PDFBox extracts from its PDF. */
  record Rendered(String text, String pdf, int pages) {
    /** Both forms contain {@code expected} (the PDF compared without white space: it wraps). */
    Rendered has(String expected, String element) {
      assertThat(text).as("e-mail text, element: %s", element).contains(expected);
      assertThat(squeeze(pdf)).as("PDF text, element: %s", element).contains(squeeze(expected));
      return this;
    }

    Rendered lacks(String unexpected) {
      assertThat(text).doesNotContain(unexpected);
      assertThat(squeeze(pdf)).doesNotContain(squeeze(unexpected));
      return this;
    }
  }

  static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static Rendered render(NoticeRequest r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pages = NoticeWriter.pdf(r, out);
    return new Rendered(NoticeWriter.text(r), pdfText(out.toByteArray()), pages);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void dsaNoticeHasEveryElementArticle16ListsInNotices(Language lang) throws Exception {
    String md = ReferenceNotes.notices();
    List<String> elements =
        ReferenceNotes.listAfter(
            ReferenceNotes.section(md, "EU Digital Services Act"), "Article 16(2)");
    assertThat(elements).as("Article 16(2) elements in NOTICES.md").isNotEmpty();
    NoticeRequest r = Fixtures.request(DSA_ART16, lang);
    Rendered out = render(r);
    for (String element : elements) {
      String e = element.toLowerCase(Locale.ROOT);
      if (e.contains("substantiated explanation")) {
        out.has(r.explanation(), element).has(lang == KO ? "제16조제2항(a)" : "16(2)(a)", element);
      } else if (e.contains("exact electronic location")) {
        out.has(URL_1, element)
            .has(URL_2, element)
            .has(lang == KO ? "제16조제2항(b)" : "16(2)(b)", element);
      } else if (e.contains("name and e-mail address")) {
        out.has(r.notifier().name(), element).has(r.notifier().email(), element);
      } else if (e.contains("bona fide")) {
        out.has(lang == KO ? "선의로 믿고 있음을 확인합니다" : "bona fide belief", element);
      } else {
        fail("NOTICES.md lists an Article 16(2) element this test does not check: " + element);
      }
    }
    out.has(lang == KO ? "디지털서비스법" : "Digital Services Act", "title");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void takeItDownRequestHasEveryElementTheActListsInNotices(Language lang) throws Exception {
    List<String> bullets =
        ReferenceNotes.bullets(
            ReferenceNotes.section(ReferenceNotes.notices(), "United States — TAKE IT DOWN Act"));
    String valid =
        bullets.stream().filter(b -> b.contains("A valid request contains:")).findFirst().get();
    String[] parts = valid.substring(valid.indexOf("contains:") + 9).split(";");
    assertThat(parts).as("elements of a valid request in NOTICES.md").hasSizeGreaterThan(1);
    NoticeRequest r = Fixtures.request(TAKE_IT_DOWN, lang);
    Rendered out = render(r);
    for (String part : parts) {
      String e = part.toLowerCase(Locale.ROOT);
      if (e.contains("signature")) {
        out.has(r.signature(), part).has(r.signedOn().toString(), part);
        // someone other than the victim signs only with her authority
        out.has(r.notifier().actingOnBehalfOf(), part);
      } else if (e.contains("identification of the depiction")) {
        for (ContentLocation l : r.locations()) {
          out.has(l.url(), part).has(l.description(), part);
        }
      } else if (e.contains("good-faith")) {
        out.has(lang == KO ? "선의로 믿고" : "good-faith belief", part).has(r.explanation(), part);
      } else if (e.contains("contact information")) {
        out.has(r.notifier().name(), part)
            .has(r.notifier().email(), part)
            .has(r.notifier().phone(), part);
      } else {
        fail("NOTICES.md lists a TAKE IT DOWN element this test does not check: " + part);
      }
    }
    String removal = bullets.stream().filter(b -> b.contains("48 hours")).findFirst().get();
    assertThat(removal).contains("identical copies");
    out.has(lang == KO ? "48시간 이내" : "within 48 hours", removal)
        .has(lang == KO ? "동일한 복제물" : "identical copies", removal)
        .has(PDQ, removal)
        .has(MD5, removal);
  }

  /**
   * NOTICES.md ("Republic of Korea") names the law but no form; the elements of a 삭제·차단 request are
   * hard-coded here: 요청인, 피해 게시물 URL, 피해 내용, 삭제·차단 요청 취지, 근거 법령.
   */
  @ParameterizedTest
  @EnumSource(Language.class)
  void koreanRequestIsAlwaysKoreanWithEveryElement(Language lang) throws Exception {
    String korea = ReferenceNotes.section(ReferenceNotes.notices(), "Republic of Korea");
    assertThat(korea).contains("Article 14-2");
    NoticeRequest r = Fixtures.request(KR_KCSC, lang);
    Rendered out = render(r);
    out.has("요청인", "요청인")
        .has(r.notifier().name(), "요청인")
        .has(r.notifier().phone(), "요청인")
        .has("피해 게시물 URL", "피해 게시물 URL")
        .has(URL_1, "피해 게시물 URL")
        .has(URL_2, "피해 게시물 URL")
        .has("피해 내용", "피해 내용")
        .has(r.explanation(), "피해 내용")
        .has("삭제·차단 요청 취지", "삭제·차단 요청 취지")
        .has("삭제 및 접속차단을 요청", "삭제·차단 요청 취지")
        .has("근거 법령", "근거 법령")
        .has("성폭력처벌법", "근거 법령")
        .has("제14조의2", "근거 법령")
        .has("허위영상물", "근거 법령");
    Notice n = NoticeWriter.notice(r);
    assertThat(n.language()).isEqualTo(KO);
    assertThat(n.subject()).contains("허위영상물");
    if (lang == EN) {
      out.has("English summary", "summary").has("Article 14-2", "summary");
    } else {
      out.lacks("English summary");
    }
  }

  @Test
  void koreanTextRendersInThePdfWithTheEmbeddedKoreanFont() throws Exception {
    NoticeRequest r = Fixtures.request(KR_KCSC, KO);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pages = NoticeWriter.pdf(r, out);
    byte[] pdf = out.toByteArray();
    String text = pdfText(pdf);
    assertThat(text).contains("요청인").contains("근거 법령").contains("1 / " + pages + " 쪽");
    assertThat(squeeze(text))
        .contains(squeeze(PSEUDONYM))
        .contains(squeeze(Fixtures.EXPLANATION_KO));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getDocumentInformation().getTitle()).contains("허위영상물");
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(name).getName()).contains("NotoSansKR");
        }
      }
    }
    // a subset of the 6 MB font, not all of it
    assertThat(pdf.length).isLessThan(300_000);
  }

  @Test
  void longNoticesRunOntoNumberedA4Pages() throws Exception {
    Rendered en = render(Fixtures.many(DSA_ART16, EN, 60));
    assertThat(en.pages()).isGreaterThan(1);
    assertThat(en.pdf())
        .contains("page 1 of " + en.pages())
        .contains("page " + en.pages() + " of " + en.pages());
    en.has("https://example-host.eu/view/10059?a=very-long-parameter-59", "last item");
    Rendered ko = render(Fixtures.many(KR_KCSC, KO, 60));
    assertThat(ko.pdf()).contains("1 / " + ko.pages() + " 쪽");
    try (PDDocument doc = Loader.loadPDF(NoticeWriter.pdf(Fixtures.request(DSA_ART16, EN)))) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
      assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(841.8898f);
    }
  }

  @Test
  void theEmailTextStartsWithItsSubject() {
    Notice n = NoticeWriter.notice(Fixtures.request(TAKE_IT_DOWN, EN));
    assertThat(n.subject()).contains("TAKE IT DOWN Act").endsWith("[HAE-2025-0042]");
    assertThat(n.text()).startsWith("Subject: " + n.subject() + "\n\n");
    assertThat(n.body()).contains("1. Identification and location of the depiction\n");
  }

  @Test
  void incompleteRequestsAreRefusedNamingWhatIsMissing() {
    NoticeRequest r = Fixtures.request(DSA_ART16, EN);
    NoticeRequest bad =
        new NoticeRequest(
            DSA_ART16,
            new Notifier("Minji Park", null, "not-an-address", null, Notifier.Role.VICTIM, null),
            r.victim(),
            r.locations(),
            " ",
            null,
            null,
            EN,
            null,
            false);
    assertThat(bad.validate())
        .containsExactly(
            NoticeElement.EXPLANATION,
            NoticeElement.NOTIFIER_EMAIL,
            NoticeElement.BONA_FIDE_STATEMENT);
    assertThatThrownBy(() -> NoticeWriter.text(bad))
        .isInstanceOf(IncompleteNoticeException.class)
        .hasMessageContaining("EXPLANATION (a sufficiently substantiated explanation")
        .hasMessageContaining("NOTIFIER_EMAIL (the notifier's e-mail address)")
        .hasMessageContaining("BONA_FIDE_STATEMENT")
        .satisfies(
            e ->
                assertThat(((IncompleteNoticeException) e).missing())
                    .containsExactly(
                        NoticeElement.EXPLANATION,
                        NoticeElement.NOTIFIER_EMAIL,
                        NoticeElement.BONA_FIDE_STATEMENT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> NoticeWriter.pdf(bad, out))
        .isInstanceOf(IncompleteNoticeException.class)
        .hasMessageContaining("EXPLANATION");
    assertThat(out.size()).isZero();
  }

  @Test
  void takeItDownNeedsASignatureAndTheAuthorityOfAnyoneButTheVictim() {
    NoticeRequest r = Fixtures.request(TAKE_IT_DOWN, EN);
    Notifier noAuthority =
        new Notifier(
            "Minji Park", null, "minji@example.org", null, Notifier.Role.SUPPORT_CENTRE, null);
    NoticeRequest bad =
        new NoticeRequest(
            TAKE_IT_DOWN,
            noAuthority,
            r.victim(),
            List.of(ContentLocation.of(URL_1, null, null)),
            r.explanation(),
            "/s/ Minji Park",
            null,
            EN,
            null,
            true);
    assertThat(bad.validate())
        .containsExactly(
            NoticeElement.SIGNATURE, NoticeElement.AUTHORISATION, NoticeElement.IDENTIFICATION);
    assertThatThrownBy(() -> NoticeWriter.notice(bad))
        .hasMessageContaining("SIGNATURE")
        .hasMessageContaining("AUTHORISATION")
        .hasMessageContaining("IDENTIFICATION");
    // the victim herself needs no authority
    NoticeRequest herself =
        new NoticeRequest(
            TAKE_IT_DOWN,
            Notifier.victim("Jieun Kim", null, "+1 555 0100"),
            new Victim("Jieun Kim", null, false, true),
            r.locations(),
            r.explanation(),
            "/s/ Jieun Kim",
            LocalDate.of(2025, 6, 2),
            EN,
            null,
            true);
    assertThat(herself.validate()).isEmpty();
    assertThat(NoticeWriter.text(herself))
        .contains("Signed by the identifiable individual herself.")
        .contains("Person depicted: Jieun Kim");
  }

  @Test
  void koreanRequestNeedsARequesterWhoCanBeReached() {
    NoticeRequest r = Fixtures.request(KR_KCSC, KO);
    NoticeRequest bad =
        new NoticeRequest(
            KR_KCSC,
            new Notifier("박민지", null, null, null, Notifier.Role.SUPPORT_CENTRE, PSEUDONYM),
            r.victim(),
            List.of(),
            null,
            null,
            null,
            KO,
            null,
            false);
    assertThat(bad.validate())
        .containsExactly(
            NoticeElement.REQUESTER, NoticeElement.EXACT_URL, NoticeElement.HARM_DESCRIPTION);
    assertThatThrownBy(() -> NoticeWriter.text(bad)).hasMessageContaining("REQUESTER (");
  }

  @Test
  void aLocationWithoutAnExactUrlIsMissingTheUrl() {
    NoticeRequest r = Fixtures.request(DSA_ART16, EN);
    for (String url :
        new String[] {"example-host.eu/view/1", "ftp://example.org/x", "", "http:x"}) {
      NoticeRequest bad =
          new NoticeRequest(
              DSA_ART16,
              r.notifier(),
              r.victim(),
              List.of(ContentLocation.of(URL_1, null, null), ContentLocation.of(url, null, null)),
              r.explanation(),
              null,
              null,
              EN,
              null,
              true);
      assertThat(bad.validate()).as(url).containsExactly(NoticeElement.EXACT_URL);
    }
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void aMinorsDsaNoticeIsAllowedWithoutTheNotifiersNameOrEmail(Language lang) throws Exception {
    NoticeRequest r = Fixtures.request(DSA_ART16, lang);
    Notifier anonymous = new Notifier(null, null, null, null, Notifier.Role.GUARDIAN, null);
    NoticeRequest minor =
        new NoticeRequest(
            DSA_ART16,
            anonymous,
            Fixtures.minor(),
            r.locations(),
            r.explanation(),
            null,
            null,
            lang,
            null,
            true);
    assertThat(minor.validate()).isEmpty();
    Rendered out = render(minor);
    out.has("2011/93/EU", "child sexual abuse").has(URL_1, "location");
    out.has(
        lang == KO ? "DSA 제16조제2항(c): 아동 성적 학대에 관한 신고" : "not given (Article 16(2)(c)", "notifier");
    // the same notice for an adult needs both
    NoticeRequest adult =
        new NoticeRequest(
            DSA_ART16,
            anonymous,
            Fixtures.adult(),
            r.locations(),
            r.explanation(),
            null,
            null,
            lang,
            null,
            true);
    assertThat(adult.validate())
        .containsExactly(NoticeElement.NOTIFIER_NAME, NoticeElement.NOTIFIER_EMAIL);
    // TAKE IT DOWN has no such exception: contact information stays required
    assertThat(minor.validate(TAKE_IT_DOWN)).contains(NoticeElement.CONTACT_INFORMATION);
  }

  @Test
  void herNameIsWrittenOnlyWithHerConsent() throws Exception {
    for (NoticeKind kind : NoticeKind.values()) {
      for (Language lang : Language.values()) {
        NoticeRequest r = Fixtures.request(kind, lang);
        render(r).lacks(VICTIM_NAME).has(PSEUDONYM, "pseudonym");
        NoticeRequest named =
            new NoticeRequest(
                kind,
                r.notifier(),
                new Victim(VICTIM_NAME, PSEUDONYM, false, true),
                r.locations(),
                r.explanation(),
                r.signature(),
                r.signedOn(),
                lang,
                r.reportReference(),
                true);
        render(named).has(VICTIM_NAME, "name with consent");
      }
    }
    assertThat(new Victim(null, null, false, true).shownAs(EN)).contains("name withheld");
  }

  @Test
  void aTrustedFlaggersNoticeAsksForPriority() {
    NoticeRequest r = Fixtures.request(DSA_ART16, EN);
    NoticeRequest flagged =
        new NoticeRequest(
            DSA_ART16,
            new Notifier(
                "Hotline",
                "Example Hotline e.V.",
                "notices@hotline.example",
                null,
                Notifier.Role.TRUSTED_FLAGGER,
                null),
            r.victim(),
            r.locations(),
            r.explanation(),
            null,
            null,
            EN,
            null,
            true);
    assertThat(NoticeWriter.text(flagged)).contains("Article 22 DSA").contains("priority");
  }

  @Test
  void everyCompleteFixtureIsValidForItsKindAndRequestsCanBeCheckedForAnother() {
    for (NoticeKind kind : NoticeKind.values()) {
      for (Language lang : Language.values()) {
        assertThat(Fixtures.request(kind, lang).validate()).as("%s %s", kind, lang).isEmpty();
      }
    }
    NoticeRequest unsigned =
        new NoticeRequest(
            DSA_ART16,
            Fixtures.supportCentre(),
            Fixtures.adult(),
            Fixtures.locations(),
            Fixtures.EXPLANATION_EN,
            null,
            null,
            EN,
            null,
            true);
    assertThat(unsigned.validate()).isEmpty();
    assertThat(unsigned.validate(TAKE_IT_DOWN)).containsExactly(NoticeElement.SIGNATURE);
    assertThat(unsigned.validate(KR_KCSC)).isEmpty();
  }

  @Test
  void hashesAreCheckedAndLowerCased() {
    ContentLocation l =
        new ContentLocation(URL_1, null, null, null, PDQ.toUpperCase(Locale.ROOT), " ");
    assertThat(l.pdq()).isEqualTo(PDQ);
    assertThat(l.md5()).isNull();
    assertThat(l.platformOrHost()).isEqualTo("example-host.eu");
    assertThatThrownBy(() -> new ContentLocation(URL_1, null, null, null, "abc", null))
        .hasMessageContaining("pdq must be 64 hexadecimal digits");
    assertThatThrownBy(
            () -> new ContentLocation(URL_1, null, null, null, null, "zz" + MD5.substring(2)))
        .hasMessageContaining("md5");
  }

  @Test
  void languageTags() {
    assertThat(Language.of("ko-KR")).isEqualTo(KO);
    assertThat(Language.of("en")).isEqualTo(EN);
    assertThatThrownBy(() -> Language.of("de")).hasMessageContaining("ko or en");
  }
}
