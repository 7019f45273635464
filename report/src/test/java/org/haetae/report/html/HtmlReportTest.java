package org.haetae.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.report.CaseFixture;
import org.haetae.report.thumbnail.Thumbnail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static String html(CaseAnalysis a, Map<String, Thumbnail> thumbs, HtmlReport.Options o)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HtmlReport.write(a, thumbs, o, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String html() throws Exception {
    return html(CaseFixture.analysis(), Map.of(), HtmlReport.Options.DEFAULT);
  }

  @Test
  void hostileNamesStayText() throws Exception {
    String page = html();
    Document doc = Jsoup.parse(page);
    // Only the report's own script, and no element with an event handler attribute.
    assertThat(doc.select("script")).hasSize(1);
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).doesNotStartWith("on");
      }
    }
    assertThat(doc.select("img")).isEmpty();
    assertThat(page).doesNotContain(CaseFixture.XSS_NAME);
    assertThat(page).doesNotContain("\"onmouseover=");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page).contains("&quot;onmouseover=alert(1) x=&quot;");
    assertThat(doc.text()).contains(CaseFixture.XSS_NAME).contains(CaseFixture.ATTR_NAME);
    assertThat(doc.text()).contains("<img src=x onerror=alert(1)>");
  }

  @Test
  void selfContainedWithAPolicyThatAllowsOnlyItsOwnStyleAndScript() throws Exception {
    String page = html();
    Document doc = Jsoup.parse(page);
    assertThat(page).doesNotContain("http:").doesNotContain("https:").doesNotContain("//cdn");
    assertThat(doc.select("link, iframe, object, embed, [src^=http]")).isEmpty();
    assertThat(doc.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).startsWith("default-src 'none'");
    assertThat(csp).contains(HtmlReport.sha256(doc.selectFirst("style").data()));
    assertThat(csp).contains(HtmlReport.sha256(doc.selectFirst("script").data()));
    assertThat(csp).doesNotContain("unsafe-inline");
  }

  @Test
  void showsTheSummaryRankedAccountsWithCitedMessagesAndKorean() throws Exception {
    Document doc = Jsoup.parse(html());
    String summary = doc.getElementById("summary").text();
    assertThat(summary).contains("3 rooms").contains("5 accounts").contains("6 matched posts");
    assertThat(summary).contains("3 victims affected");
    assertThat(summary).contains("2".repeat(64)).contains(CaseFixture.CASE_ID);
    Element first = doc.select("#accounts-table tr.account").first();
    assertThat(first.text()).contains(CaseFixture.KOREAN_NAME).contains("철수짱");
    assertThat(first.select(".role").eachText()).containsExactly("creator", "distributor", "admin");
    assertThat(first.text()).contains("chat1002#501 2024-03-03 00:00 UTC");
    assertThat(first.text()).contains("2 more messages counted");
    assertThat(doc.select("#accounts-table tr.account").eachAttr("data-search").get(0))
        .contains("@chulsoo");
    assertThat(doc.getElementById("rooms").text()).contains(CaseFixture.KOREAN_ROOM);
  }

  @Test
  void drawsTimelineNetworkAndOneBlockPerVictim() throws Exception {
    Document doc = Jsoup.parse(html());
    assertThat(doc.select("#timeline svg rect")).isNotEmpty();
    assertThat(doc.select("#network svg circle")).hasSize(5);
    assertThat(doc.select("#network svg rect")).hasSize(3);
    assertThat(doc.select("#network svg polygon")).hasSize(5);
    assertThat(doc.select("#victims h3")).hasSize(3);
    assertThat(doc.select("#victims h3").first().text()).contains("V-002");
    assertThat(doc.select("#victims svg.strip")).hasSize(3);
    assertThat(doc.getElementById("flags").text()).contains("그 여자 사진 보내줘");
    assertThat(doc.getElementById("findings").text()).contains("media_missing");
  }

  @Test
  void thumbnailsAreBlurredUntilClickedAndSayRevealsAreNotLogged() throws Exception {
    CaseAnalysis a = CaseFixture.analysis();
    String sha = a.media().get(0).sha256();
    byte[] jpeg = CaseFixture.jpeg(160, 120, 1);
    String page =
        html(a, Map.of(sha, new Thumbnail(sha, jpeg, 160, 120)), HtmlReport.Options.DEFAULT);
    Document doc = Jsoup.parse(page);
    Element img = doc.selectFirst("#media button.reveal img");
    assertThat(img.attr("src")).startsWith("data:image/jpeg;base64,");
    assertThat(img.parent().hasClass("revealed")).isFalse();
    assertThat(doc.selectFirst("style").data())
        .contains("button.reveal img{display:block;filter:blur(");
    assertThat(doc.getElementById("media").text()).contains("a reveal here is not logged");
    assertThat(doc.select("#matches a[href=#m-" + sha + "]")).hasSize(2);
  }

  @Test
  void bigCasesAreCutAndSayWhereTheRestIs() throws Exception {
    CaseAnalysis big = CaseFixture.big(3000);
    String page = html(big, Map.of(), new HtmlReport.Options(100, 80, 10));
    Document doc = Jsoup.parse(page);
    assertThat(doc.select("#accounts-table tr.account")).hasSize(100);
    assertThat(doc.getElementById("accounts").text()).contains("2900 more accounts in report.json");
    assertThat(doc.select("#matches tbody tr")).hasSize(100);
    assertThat(doc.select("#network svg g.nodes > g")).hasSize(80);
    assertThat(doc.getElementById("network").text()).contains("Showing 80 of");
    assertThat(page.length()).isLessThan(2_000_000);
  }

  @Test
  void sameCaseSamePage() throws Exception {
    assertThat(html()).isEqualTo(html());
  }
}
