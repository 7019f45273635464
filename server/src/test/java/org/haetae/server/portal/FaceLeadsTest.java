package org.haetae.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.CaseStoreTestAccess;
import org.haetae.server.FaceFixtures;
import org.haetae.server.ServiceClient;
import org.haetae.server.ServiceTest;
import org.haetae.server.storage.CaseImport;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scan's {@code face:portal} matches open face leads on the reports they name, over real HTTP on
 * the embedded PostgreSQL: once per report and file, only while the report holds templates, never
 * for another face bank; she is told a possible match was found and that a person will review it,
 * without the case's details; her support worker sees the case, the file, the distance and the rank
 * as a lead for review. Registered hashes are matched as before, next to the face leads.
 */
@ServiceTest
class FaceLeadsTest {
  @Autowired ServiceClient service;
  @Autowired Reports reports;
  @Autowired ReportStore reportStore;
  @Autowired FaceTemplates faces;
  @Autowired ReuploadMonitor monitor;
  @Autowired CaseImport cases;
  @Autowired JdbcClient jdbc;

  final Random random = new Random(11);

  record Reply(int status, String body) {}

  /** A victim's login, her report, its reference and her API token. */
  record Victim(String login, String token, UUID report, String reference) {}

  private Victim victim(String name) {
    String login = name + "-" + Long.toString(System.nanoTime(), 36);
    String token = service.login(login, UserRole.VICTIM);
    UUID report =
        reports.create(
            login,
            new ReportStore.NewReport(
                "self",
                "Edited pictures with my face.",
                null,
                "ExampleChat",
                List.of(),
                "portal",
                null,
                false));
    return new Victim(login, token, report, reports.get(report).reference());
  }

  private void enrol(Victim v) {
    float[] d = new float[FaceTemplates.LENGTH];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (random.nextGaussian() * 0.09);
    }
    byte[] photo = new byte[32];
    random.nextBytes(photo);
    faces.add(
        v.report(),
        FaceTemplates.MODEL,
        d,
        java.util.HexFormat.of().formatHex(photo),
        "I agree (test).",
        v.login());
  }

  private Reply call(String method, String path, String token, String json) throws Exception {
    ServiceClient.Call c = service.call(method, path).token(token).json(json);
    HttpResponse<String> r = (path.startsWith("/api/") ? c : c.page()).send();
    return new Reply(r.statusCode(), r.body());
  }

  private List<Map<String, Object>> matchesOf(Victim v) {
    return jdbc.sql(
            "select kind, hash_id, source, case_id, media_sha256, distance, face_distance,"
                + " face_rank from report_matches where report_id = ? order by id")
        .param(v.report())
        .query()
        .listOfRows();
  }

  private List<ReportStore.Event> events(Victim v, String kind, boolean victimOnly) {
    return reportStore.events(v.report(), victimOnly).stream()
        .filter(e -> e.kind().equals(kind))
        .toList();
  }

  /** A one-post image whose SHA-256 is {@code c} repeated, posted at message {@code n}. */
  private static MediaItem image(char c, String room, long n) {
    return new MediaItem(
        String.valueOf(c).repeat(64),
        String.valueOf(c).repeat(32),
        null,
        100,
        "image",
        "e1/" + c + ".jpg",
        (int) n,
        false,
        List.of(new MessageRef(room, n, 1_700_000_000L + n, "e1")),
        1);
  }

  @Test
  void aFaceFoundInAScanOpensOneLeadOnHerReportTheStaffSeeTheDetails() throws Exception {
    Victim her = victim("hana");
    Victim also = victim("yuna");
    Victim withdrew = victim("sora");
    Victim never = victim("mina");
    enrol(her);
    enrol(her);
    enrol(also);
    enrol(withdrew);
    assertThat(faces.withdrawAll(withdrew.report())).isEqualTo(1);
    String staff = "desk-" + Long.toString(System.nanoTime(), 36);
    String staffToken = service.login(staff, UserRole.SUPPORT_STAFF);

    CaseAnalysis scanned =
        new CaseStoreTestAccess().analyse(Files.createTempDirectory(service.data(), "a"));
    String room = scanned.chats().get(0).key();
    MediaItem first = FaceFixtures.with(image('a', room, 1), FaceFixtures.facesOnly(3), true);
    MediaItem second = FaceFixtures.with(image('b', room, 2), FaceFixtures.facesOnly(1), true);
    MessageRef at = first.messages().get(0);
    MessageRef at2 = second.messages().get(0);
    String f1 = first.sha256();
    String f2 = second.sha256();
    List<BankMatch> found = new ArrayList<>();
    // Her face twice in the first file (two faces, or two posts): one lead, the closest.
    found.add(FaceFixtures.face(at, f1, "portal", her.reference(), 0.4375, 1, 4, 6, 12, 10));
    found.add(FaceFixtures.face(at, f1, "portal", her.reference(), 0.46875, 2, 30, 6, 12, 10));
    // Another victim's face in the same file: her own lead.
    found.add(FaceFixtures.face(at, f1, "portal", also.reference(), 0.484375, 1, 30, 6, 12, 10));
    // Templates withdrawn since the scan began, a report that never enrolled, no such report.
    found.add(FaceFixtures.face(at, f1, "portal", withdrew.reference(), 0.3, 1, 4, 6, 12, 10));
    found.add(FaceFixtures.face(at, f1, "portal", never.reference(), 0.3, 1, 4, 6, 12, 10));
    found.add(FaceFixtures.face(at2, f2, "portal", "R-0000-NONE", 0.3, 1, 4, 6, 12, 10));
    // Her reference in another face bank, and a hash bank's entry with her reference as its id.
    found.add(FaceFixtures.face(at2, f2, "enrolled", her.reference(), 0.2, 1, 4, 6, 12, 10));
    found.add(FaceFixtures.hash(at2, f2, "portal", her.reference()));
    CaseAnalysis analysis = FaceFixtures.with(scanned, List.of(first, second), found);
    UUID caseId = cases.put(analysis, "face leads", service.data().toString());

    assertThat(monitor.checkCase(caseId)).isEqualTo(2);
    // Once only: the same case again, and after a new import of it, opens nothing.
    assertThat(monitor.checkCase(caseId)).isZero();
    cases.put(analysis, "face leads", service.data().toString());
    assertThat(monitor.checkCase(caseId)).isZero();

    List<Map<String, Object>> hers = matchesOf(her);
    assertThat(hers).hasSize(1);
    Map<String, Object> lead = hers.get(0);
    assertThat(lead.get("kind")).isEqualTo("face");
    assertThat(lead.get("hash_id")).isNull();
    assertThat(lead.get("source")).isEqualTo("scan");
    assertThat(lead.get("case_id")).isEqualTo(caseId);
    assertThat(lead.get("media_sha256")).isEqualTo(f1);
    assertThat(lead.get("distance")).isEqualTo(438);
    assertThat(lead.get("face_distance")).isEqualTo(0.4375);
    assertThat(lead.get("face_rank")).isEqualTo(1);
    assertThat(matchesOf(also)).hasSize(1).first().extracting(m -> m.get("kind")).isEqualTo("face");
    assertThat(matchesOf(withdrew)).isEmpty();
    assertThat(matchesOf(never)).isEmpty();
    assertThat(events(withdrew, "face_match", false)).isEmpty();
    assertThat(events(never, "face_match", false)).isEmpty();

    // She is told once, without details; the staff's event names case, file, distance and rank.
    assertThat(events(her, "face_match", true)).hasSize(1).first().matches(e -> e.detail() == null);
    assertThat(events(her, "face_match_case", true)).isEmpty();
    assertThat(events(her, "face_match_case", false))
        .singleElement()
        .extracting(ReportStore.Event::detail)
        .asString()
        .contains(caseId.toString(), f1, "distance 0.438", "rank 1");
    assertThat(events(her, "new_match_scan", false)).isEmpty();

    Reply page = call("GET", "/portal/reports/" + her.report(), her.token(), null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("A possible match of your face was found; a person will review it.")
        .doesNotContain(caseId.toString(), f1, "0.438", "0.4375", "rank 1")
        .doesNotContain("not an identification")
        .doesNotContain("New copies of your pictures were found");
    Reply korean = call("GET", "/portal/reports/" + her.report() + "?lang=ko", her.token(), null);
    assertThat(korean.body()).contains("당신의 얼굴과 일치할 수 있는 사진이 발견되었습니다");
    Reply api = call("GET", "/api/v1/reports/" + her.report(), her.token(), null);
    assertThat(api.status()).isEqualTo(200);
    assertThat(api.body()).contains("face_match").doesNotContain(caseId.toString(), f1);
    // Nothing on the page of a report whose templates were withdrawn.
    assertThat(call("GET", "/portal/reports/" + withdrew.report(), withdrew.token(), null).body())
        .doesNotContain("A possible match of your face");

    Reply desk = call("GET", "/support/reports/" + her.report(), staffToken, null);
    assertThat(desk.status()).isEqualTo(200);
    assertThat(desk.body())
        .contains("/cases/" + caseId + "/media/" + f1)
        .contains(f1, "0.438", "rank 1")
        .contains("face: lead for review, not an identification")
        .contains("Enrolled face possibly found in a scanned case: a lead for review");
    Reply deskKo = call("GET", "/support/reports/" + her.report() + "?lang=ko", staffToken, null);
    assertThat(deskKo.body()).contains("검토를 위한 단서 — 신원 확인이 아님", "1순위");

    // Hashes are matched as before: her picture's SHA-256 registered now finds the second file,
    // recorded as a hash match next to the face lead, once.
    Reply added =
        call(
            "POST",
            "/api/v1/reports/" + her.report() + "/hashes",
            her.token(),
            "[{\"sha256\":\"" + f2 + "\"}]");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.body()).contains("\"newMatches\":1");
    assertThat(monitor.checkCase(caseId)).isZero();
    assertThat(matchesOf(her))
        .extracting(
            m -> m.get("kind") + " " + m.get("media_sha256") + " " + (m.get("hash_id") != null))
        .containsExactly("face " + f1 + " false", "hash " + f2 + " true");
    assertThat(events(her, "new_match_scan", true)).hasSize(1);
    assertThat(call("GET", "/portal/reports/" + her.report(), her.token(), null).body())
        .contains("New copies of your pictures were found (1)")
        .contains("A possible match of your face was found");
  }
}
