package org.haetae.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.Deadlines;
import org.haetae.server.ServiceClient;
import org.haetae.server.ServiceTest;
import org.haetae.server.stats.Statistics;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.storage.UserStore;
import org.haetae.server.takedowns.NoticeClock;
import org.haetae.server.takedowns.Notices;
import org.haetae.server.takedowns.Takedowns;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal and the support desk over real HTTP on the embedded PostgreSQL: a victim files and
 * protects, another victim sees nothing of it, staff triage and send notices, the platform sees
 * only its notices and answers, a platform hash check opens a match, and the statistics follow.
 */
@ServiceTest
class PortalFlowTest {
  @Autowired ServiceClient service;
  @Autowired UserStore users;
  @Autowired Reports reports;
  @Autowired ReportStore reportStore;
  @Autowired Notices notices;
  @Autowired NoticeStore noticeStore;
  @Autowired Takedowns takedowns;
  @Autowired Statistics statistics;
  @Autowired JdbcClient jdbc;

  private HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return service.call(method, path).token(token).json(json).send();
  }

  private String user(String name, UserRole role) {
    return service.login(name, role);
  }

  @Test
  void aReportFromFilingToRemoval() throws Exception {
    String jiwoo = user("jiwoo", UserRole.VICTIM);
    String other = user("minji", UserRole.VICTIM);
    String staff = user("counsellor", UserRole.SUPPORT_STAFF);
    String investigator = user("detective", UserRole.INVESTIGATOR);
    String platform = user("platform-x", UserRole.PLATFORM);
    users.setOrganisation("platform-x", "ExampleChat");
    String platform2 = user("platform-y", UserRole.PLATFORM);
    users.setOrganisation("platform-y", "OtherNet");
    long weekBefore = statistics.figures(Instant.now()).perWeek().getLast().count();

    UUID id =
        reports.create(
            "jiwoo",
            new ReportStore.NewReport(
                "self",
                "A classmate posted fake pictures of me in a group.",
                null,
                "ExampleChat",
                List.of("https://example.invalid/c/123"),
                "portal",
                null,
                false));
    String pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    HttpResponse<String> added =
        call(
            "POST",
            "/api/v1/reports/" + id + "/hashes",
            jiwoo,
            "[{\"pdq\":\"" + pdq + "\",\"quality\":100,\"md5\":\"" + "a".repeat(32) + "\"}]");
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("\"added\":1");
    // A malformed hash is refused whole, naming the picture.
    HttpResponse<String> bad =
        call("POST", "/api/v1/reports/" + id + "/hashes", jiwoo, "[{\"pdq\":\"zz\"}]");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("picture 1");

    // Her report is hers: another victim, an investigator and a platform get nothing.
    assertThat(call("GET", "/api/v1/reports/" + id, jiwoo, null).statusCode()).isEqualTo(200);
    HttpResponse<String> foreign = call("GET", "/api/v1/reports/" + id, other, null);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("classmate");
    assertThat(call("GET", "/api/v1/reports", other, null).body()).doesNotContain(id.toString());
    assertThat(call("GET", "/portal/reports/" + id, other, null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/v1/reports/" + id + "/hashes/withdraw", other, null).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/api/v1/reports/" + id, investigator, null).statusCode())
        .isEqualTo(403);
    assertThat(call("GET", "/support/reports/" + id, jiwoo, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/api/v1/reports/" + id, platform, null).statusCode()).isEqualTo(403);

    // Staff see it in the queue, triage it and send a TAKE IT DOWN request.
    assertThat(call("GET", "/support", staff, null).body()).contains(reports.get(id).reference());
    assertThat(call("GET", "/support/reports/" + id, staff, null).statusCode()).isEqualTo(200);
    UUID notice =
        notices.draft(
            id,
            "TAKE_IT_DOWN",
            "ExampleChat",
            List.of("https://example.invalid/c/123"),
            "A sexual deepfake of a real person, shared without her consent.",
            "en",
            "counsellor");
    assertThat(takedowns.text(notice)).contains("https://example.invalid/c/123").contains("48");
    assertThat(takedowns.pdf(notice)).startsWith("%PDF".getBytes());
    // The platform sees no draft.
    assertThat(call("GET", "/api/v1/platform/notices", platform, null).body())
        .doesNotContain(notice.toString());
    takedowns.send(notice, "counsellor");
    NoticeStore.Notice sent = notices.get(notice);
    assertThat(sent.statutory()).isTrue();
    assertThat(java.time.Duration.between(sent.sentAt(), sent.dueAt()).toHours()).isEqualTo(48);

    // Only its own platform sees the notice; it answers with removal and a statement of reasons.
    assertThat(call("GET", "/api/v1/platform/notices", platform, null).body())
        .contains(notice.toString())
        .doesNotContain("classmate")
        .doesNotContain("jiwoo");
    assertThat(call("GET", "/api/v1/platform/notices/" + notice, platform2, null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> answered =
        call(
            "POST",
            "/api/v1/platform/notices/" + notice + "/answer",
            platform,
            "{\"status\":\"removed\",\"answer\":\"removed\",\"statementOfReasons\":" + SOR + "}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(notices.get(notice).removedAt()).isNotNull();
    assertThat(jdbc.sql("select count(*) from statements_of_reasons").query(Long.class).single())
        .isEqualTo(1);

    // The platform gets a statement of reasons to file with the Transparency Database.
    HttpResponse<String> sor =
        call(
            "GET",
            "/api/v1/platform/notices/" + notice + "/statement-of-reasons?puid=post-123",
            platform,
            null);
    assertThat(sor.statusCode()).as(sor.body()).isEqualTo(200);
    assertThat(sor.body())
        .contains("DECISION_VISIBILITY_CONTENT_REMOVED")
        .contains("KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE")
        .containsPattern("\"puid\"\\s*:\\s*\"post-123\"")
        .doesNotContain("jiwoo");
    assertThat(
            call(
                    "GET",
                    "/api/v1/platform/notices/" + notice + "/statement-of-reasons?puid=x",
                    platform2,
                    null)
                .statusCode())
        .isEqualTo(404);

    // A platform's hash check at upload finds her picture (near-duplicate) and opens a match.
    String near = "f8f8f0cee0f4a84f06370a2a038f63f0b36e26d596621e1d33e6b39c4e9c9b22";
    HttpResponse<String> check =
        call(
            "POST",
            "/api/v1/platform/match",
            platform,
            "{\"pdq\":\"" + near + "\",\"quality\":100}");
    assertThat(check.body()).contains("\"match\":true");
    assertThat(check.body()).doesNotContain(id.toString());
    // Malformed or wrongly typed input is refused, naming the field.
    HttpResponse<String> malformed =
        call("POST", "/api/v1/platform/match", platform, "{\"pdq\":\"zz\"}");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("the file: the PDQ hash");
    assertThat(call("POST", "/api/v1/platform/match", platform, "{}").body())
        .contains("the file: no hash");
    assertThat(
            call("POST", "/api/v1/platform/match", platform, "{\"quality\":\"high\"}").statusCode())
        .isEqualTo(400);

    // She sees each step, in her words, and not the staff-only ones.
    String mine = call("GET", "/portal/reports/" + id, jiwoo, null).body();
    assertThat(mine)
        .contains("A removal request was sent")
        .contains("The platform removed the content")
        .contains("A platform found a copy");
    assertThat(reportStore.events(id, true)).noneMatch(e -> e.kind().equals("notice_drafted"));

    // Withdrawing her hashes stops matching.
    assertThat(call("POST", "/api/v1/reports/" + id + "/hashes/withdraw", jiwoo, null).statusCode())
        .isEqualTo(200);
    assertThat(
            call(
                    "POST",
                    "/api/v1/platform/match",
                    platform,
                    "{\"pdq\":\"" + near + "\",\"quality\":100}")
                .body())
        .contains("\"match\":false");

    // The statistics follow.
    Statistics.Figures f = statistics.figures(Instant.now());
    assertThat(f.perWeek().getLast().count()).isEqualTo(weekBefore + 1);
    assertThat(f.takedowns().removed()).isGreaterThanOrEqualTo(1);
    assertThat(f.takedowns().within48h()).isGreaterThan(0);
    assertThat(statistics.csv(f)).contains("share_within_48h");
    assertThat(call("GET", "/support/stats", staff, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/support/stats", jiwoo, null).statusCode()).isEqualTo(403);
  }

  /**
   * The queue's count of overdue notices and every notice's clock come from the one notice clock:
   * due soon from the first reminder (half the window), overdue after the due instant.
   */
  @Test
  void theQueueAndTheNoticesShowTheNoticeClock() throws Exception {
    String staff = user("desk", UserRole.SUPPORT_STAFF);
    user("hana", UserRole.VICTIM);
    UUID id =
        reports.create(
            "hana",
            new ReportStore.NewReport(
                "self",
                "Edited pictures of me in a channel.",
                null,
                "ClockNet",
                List.of(),
                "portal",
                null,
                false));
    Instant now = Instant.now();
    UUID late = sentDsaNotice(id, now.minus(Duration.ofHours(100)));
    UUID soon = sentDsaNotice(id, now.minus(Duration.ofHours(40)));
    UUID early = sentDsaNotice(id, now.minus(Duration.ofHours(10)));

    String queue = call("GET", "/support?platform=ClockNet", staff, null).body();
    String reference = reports.get(id).reference();
    assertThat(queue).containsPattern(reference + "</a>(?s:.*?)<td class=\"num hot\">1</td>");
    String page = call("GET", "/support/reports/" + id, staff, null).body();
    assertThat(page).contains("clock-OVERDUE").contains("clock-DUE_SOON").contains("clock-ON_TIME");
    // One of each, and the clock of each is what notices.Deadline says of it now.
    NoticeClock clock = new NoticeClock(Deadlines.defaults(), Clock.systemUTC());
    assertThat(List.of(late, soon, early))
        .extracting(n -> clock.standing(noticeStore.find(n).orElseThrow()))
        .containsExactly("OVERDUE", "DUE_SOON", "ON_TIME");
  }

  /** A DSA notice (72 hours) sent at {@code sent}. */
  private UUID sentDsaNotice(UUID report, Instant sent) {
    UUID n =
        notices.draft(
            report,
            "DSA_ART16",
            "ClockNet",
            List.of("https://example.invalid/p/" + sent.toEpochMilli()),
            "A sexual deepfake of a real person.",
            "en",
            "desk");
    noticeStore.markSent(n, sent, sent.plus(Duration.ofHours(72)), false);
    return n;
  }

  static final String SOR =
      """
      {"decision_visibility":["DECISION_VISIBILITY_CONTENT_REMOVED"],
       "decision_ground":"DECISION_GROUND_ILLEGAL_CONTENT",
       "illegal_content_legal_ground":"Non-consensual intimate imagery",
       "illegal_content_explanation":"Deepfake of an identifiable person",
       "content_type":["CONTENT_TYPE_IMAGE","CONTENT_TYPE_SYNTHETIC_MEDIA"],
       "category":"STATEMENT_CATEGORY_CYBER_VIOLENCE",
       "category_specification":["KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"],
       "source_type":"SOURCE_ARTICLE_16",
       "automated_detection":"No","automated_decision":"AUTOMATED_DECISION_NOT_AUTOMATED",
       "decision_facts":"Removed after a notice",
       "application_date":"2026-11-25","territorial_scope":["EU"],
       "content_date":"2026-11-20","puid":"post-123","url":"https://example.invalid/c/123"}
      """;
}
