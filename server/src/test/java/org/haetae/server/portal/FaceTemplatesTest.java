package org.haetae.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.embed.Descriptor;
import org.haetae.server.ServiceClient;
import org.haetae.server.ServiceTest;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Protect my face" over real HTTP on the embedded PostgreSQL: what the API accepts (and how it
 * names what it refuses), who may add, see and withdraw templates, that they are stored encrypted
 * and withdrawn by deletion, that every step is audited without the numbers, and the in-memory bank
 * the service's scans search.
 */
@ServiceTest
class FaceTemplatesTest {
  @Autowired ServiceClient service;
  @Autowired Reports reports;
  @Autowired ReportStore reportStore;
  @Autowired FaceTemplates faces;
  @Autowired JdbcClient jdbc;

  record Reply(int status, String type, String body) {}

  String victim;
  String otherVictim;
  String staff;
  String admin;
  String investigator;
  String platform;
  UUID report;
  String reference;
  final Random random = new Random(7);

  @BeforeEach
  void setUp() {
    String run = Long.toString(System.nanoTime(), 36);
    victim = user("suah-" + run, UserRole.VICTIM);
    otherVictim = user("other-" + run, UserRole.VICTIM);
    staff = user("staff-" + run, UserRole.SUPPORT_STAFF);
    admin = user("admin-" + run, UserRole.ADMIN);
    investigator = user("inv-" + run, UserRole.INVESTIGATOR);
    platform = user("plat-" + run, UserRole.PLATFORM);
    report =
        reports.create(
            "suah-" + run,
            new ReportStore.NewReport(
                "self",
                "Edited pictures with my face.",
                null,
                "ExampleChat",
                List.of(),
                "portal",
                null,
                false));
    reference = reports.get(report).reference();
  }

  private String user(String name, UserRole role) {
    return service.login(name, role);
  }

  private Reply call(String method, String path, String token, String body, boolean page)
      throws Exception {
    ServiceClient.Call c = service.call(method, path).json(body);
    if (token != null) {
      c.token(token);
    }
    if (page) {
      c.page();
    }
    HttpResponse<String> r = c.send();
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  private Reply post(String token, String body) throws Exception {
    return call("POST", "/api/v1/reports/" + report + "/faces", token, body, false);
  }

  private float[] descriptor() {
    float[] d = new float[128];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (random.nextGaussian() * 0.09);
    }
    return d;
  }

  private static String numbers(float[] d) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < d.length; i++) {
      s.append(i == 0 ? "" : ",").append(d[i]);
    }
    return s.toString();
  }

  private static String body(String model, String numbers, String consent, String photo) {
    return "{\"model\":"
        + model
        + ",\"descriptor\":["
        + numbers
        + "],\"consent\":"
        + consent
        + (photo == null ? "" : ",\"photo_sha256\":\"" + photo + "\"")
        + "}";
  }

  private static String valid(float[] d, String photo) {
    return body("\"" + FaceTemplates.MODEL + "\"", numbers(d), "true", photo);
  }

  private String photo() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static void refused(Reply r, int status, String field, String says) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.type()).startsWith("application/problem+json");
    assertThat(r.body()).contains("\"field\":\"" + field + "\"").contains(says);
  }

  @Test
  void refusesWhatIsNotOneTemplateWithConsentNamingTheField() throws Exception {
    float[] d = descriptor();
    String ok = numbers(d);
    String model = "\"" + FaceTemplates.MODEL + "\"";
    refused(
        post(victim, body(model, numbers(java.util.Arrays.copyOf(d, 127)), "true", null)),
        400,
        "descriptor",
        "exactly 128 numbers, not 127");
    refused(post(victim, body(model, ok + ",0.1", "true", null)), 400, "descriptor", "more than");
    refused(post(victim, body(model, "", "true", null)), 400, "descriptor", "not 0");
    refused(
        post(victim, body(model, ok.replaceFirst("^[^,]+", "NaN"), "true", null)),
        400,
        "descriptor",
        "descriptor[0] is not a finite number");
    refused(
        post(victim, body(model, ok.replaceFirst("^[^,]+", "Infinity"), "true", null)),
        400,
        "descriptor",
        "descriptor[0] is not a finite number");
    // What JSON.stringify makes of NaN.
    refused(
        post(victim, body(model, ok.replaceFirst(",[^,]+,", ",null,"), "true", null)),
        400,
        "descriptor",
        "descriptor[1] is not a number");
    refused(
        post(victim, body(model, ok.replaceFirst("^[^,]+", "\"0.1\""), "true", null)),
        400,
        "descriptor",
        "descriptor[0] is not a number");
    refused(
        post(victim, body(model, ok.replaceFirst("^[^,]+", "12.5"), "true", null)),
        400,
        "descriptor",
        "descriptor[0] is out of range");
    refused(
        post(victim, body(model, ok.replaceFirst("^[^,]+", "-1e300"), "true", null)),
        400,
        "descriptor",
        "out of range");
    refused(
        post(victim, body("\"face-api-1.7.14/face_recognition\"", ok, "true", null)),
        400,
        "model",
        "unknown model");
    refused(post(victim, body("7", ok, "true", null)), 400, "model", "must be a string");
    refused(post(victim, body(model, ok, "false", null)), 400, "consent", "consent must be true");
    refused(post(victim, body(model, ok, "\"yes\"", null)), 400, "consent", "true or false");
    refused(
        post(victim, "{\"model\":" + model + ",\"descriptor\":[" + ok + "]}"),
        400,
        "consent",
        "consent must be true");
    refused(
        post(victim, "{\"model\":" + model + ",\"consent\":true}"), 400, "descriptor", "missing");
    refused(post(victim, valid(d, "xyz")), 400, "photo_sha256", "photo_sha256 must be the photo's");
    refused(
        post(victim, valid(d, null).replace("}", ",\"photo\":\"/9j/4AAQ\"}")),
        400,
        "photo",
        "unknown member photo");
    refused(
        post(victim, valid(d, null).replace("}", ",\"consent\":true}")), 400, "body", "valid JSON");
    refused(post(victim, "[1,2,3]"), 400, "body", "one JSON object");
    refused(post(victim, valid(d, null) + "{}"), 400, "body", "one JSON object");
    refused(post(victim, "{\"model\":"), 400, "body", "valid JSON");
    refused(post(victim, ""), 400, "body", "no request body");
    // A photo sent instead of a template is refused before it is read.
    String big = valid(d, null).replace("}", ",\"x\":\"" + "A".repeat(20_000) + "\"}");
    refused(post(victim, big), 413, "body", "larger than");
    // Nothing of it was kept, and the errors never echo the numbers.
    assertThat(faces.of(report)).isEmpty();
    assertThat(post(victim, body(model, ok, "false", null)).body())
        .doesNotContain(Float.toString(d[5]));
  }

  @Test
  void onlyHerOwnReportTakesHerFaceStaffSeeHowManyOthersNothing() throws Exception {
    String list = "/api/v1/reports/" + report + "/faces";
    String missing = "/api/v1/reports/" + UUID.randomUUID() + "/faces";
    String add = valid(descriptor(), photo());

    // Another victim: exactly what a report that does not exist gives.
    for (String method : List.of("GET", "POST", "DELETE")) {
      String b = method.equals("POST") ? add : null;
      Reply foreign = call(method, list, otherVictim, b, false);
      Reply none = call(method, missing, otherVictim, b, false);
      assertThat(foreign.status()).as(method).isEqualTo(404);
      assertThat(foreign.type()).isEqualTo(none.type());
      assertThat(foreign.body().replace(report.toString(), "ID"))
          .isEqualTo(none.body().replaceAll("[0-9a-f-]{36}", "ID"));
      assertThat(foreign.body()).doesNotContain(reference);
      // Investigators and platforms never reach reports; nobody without a login either.
      assertThat(call(method, list, investigator, b, false).status()).isEqualTo(403);
      assertThat(call(method, list, platform, b, false).status()).isEqualTo(403);
      assertThat(call(method, list, null, b, false).status()).isEqualTo(401);
      // Staff and admins see the report, but only she enrols or withdraws her face.
      if (!method.equals("GET")) {
        assertThat(call(method, list, staff, b, false).status()).isEqualTo(403);
        assertThat(call(method, list, admin, b, false).status()).isEqualTo(403);
      }
    }
    assertThat(faces.of(report)).isEmpty();

    Reply added = post(victim, add);
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.body()).contains("\"count\":1");
    // The same photo again adds nothing.
    refused(post(victim, add), 409, "photo_sha256", "already protected");

    for (String who : List.of(victim, staff, admin)) {
      Reply seen = call("GET", list, who, null, false);
      assertThat(seen.status()).isEqualTo(200);
      assertThat(seen.body())
          .contains("\"count\":1", FaceTemplates.MODEL)
          .doesNotContain("descriptor");
    }
    // The support desk's view of the report says how many and when she consented.
    Reply desk = call("GET", "/support/reports/" + report, staff, null, true);
    assertThat(desk.status()).isEqualTo(200);
    assertThat(desk.body()).contains("1 face templates enrolled (consent recorded");
    // Her page has the form; the staff's the count only.
    Reply hers = call("GET", "/portal/reports/" + report + "/faces", victim, null, true);
    assertThat(hers.status()).isEqualTo(200);
    assertThat(hers.body())
        .contains("id=\"face-form\"", "/js/face-enrol.js", "type=\"module\"", "face-consent")
        .contains("1 face templates kept.");
    Reply theirs = call("GET", "/portal/reports/" + report + "/faces", staff, null, true);
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.body()).doesNotContain("id=\"face-form\"").contains("1 face templates kept.");
    assertThat(
            call("GET", "/portal/reports/" + report + "/faces", otherVictim, null, true).status())
        .isEqualTo(404);
    assertThat(call("GET", "/portal/reports/" + report, victim, null, true).body())
        .contains("/portal/reports/" + report + "/faces");
    Reply korean = call("GET", "/portal/reports/" + report + "/faces?lang=ko", victim, null, true);
    assertThat(korean.status()).isEqualTo(200);
    assertThat(korean.body()).contains("내 얼굴 보호", "보관 중인 얼굴 템플릿 1개.");
  }

  @Test
  void storedEncryptedWithdrawnByDeletionAuditedWithoutTheNumbers() throws Exception {
    float[] d = descriptor();
    String photo = photo();
    assertThat(post(victim, valid(d, photo)).status()).isEqualTo(200);

    Map<String, Object> row =
        jdbc.sql(
                "select model, descriptor, photo_sha256, consent_text, consent_by, consent_at"
                    + " from report_faces where report_id = ?")
            .param(report)
            .query()
            .singleRow();
    assertThat(row.get("model")).isEqualTo(FaceTemplates.MODEL);
    assertThat(row.get("photo_sha256")).isEqualTo(photo);
    assertThat((String) row.get("consent_text")).startsWith("I agree that face templates");
    assertThat(row.get("consent_by")).isEqualTo(reports.get(report).owner());
    assertThat(row.get("consent_at")).isNotNull();
    byte[] stored = (byte[]) row.get("descriptor");
    // Nonce, 512 bytes of floats, tag: and none of the floats in either byte order.
    assertThat(stored).hasSize(12 + 128 * 4 + 16);
    for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
      ByteBuffer plain = ByteBuffer.allocate(512).order(order);
      for (float v : d) {
        plain.putFloat(v);
      }
      for (int i = 0; i < 128; i += 8) {
        byte[] four = java.util.Arrays.copyOfRange(plain.array(), 4 * i, 4 * i + 4);
        assertThat(indexOf(stored, four))
            .as("float %d (%s) in the stored bytes", i, order)
            .isLessThan(0);
      }
    }
    // The service's key opens it, for this report only.
    assertThat(faces.descriptors(report)).containsExactly(new Descriptor(FaceTemplates.MODEL, d));
    assertThatThrownBy(() -> faces.open(UUID.randomUUID(), stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be opened");

    // Scans search one bank, the report's reference as the person: never her login.
    FaceBank bank = faces.portalBank();
    assertThat(bank.name()).isEqualTo("portal");
    EnrolledPerson her = bank.person(reference).orElseThrow();
    assertThat(her.label()).isEqualTo(reference);
    assertThat(her.faces()).hasSize(1);
    assertThat(her.faces().get(0).descriptor().vector()).containsExactly(d);
    assertThat(her.consent().basis()).contains("I agree");
    assertThat(bank.people().stream().map(EnrolledPerson::id))
        .doesNotContain(her.consent().recordedBy());

    // A second photo, then she withdraws all: the rows are gone.
    assertThat(post(victim, valid(descriptor(), photo())).body()).contains("\"count\":2");
    Reply gone = call("DELETE", "/api/v1/reports/" + report + "/faces", victim, null, false);
    assertThat(gone.status()).isEqualTo(200);
    assertThat(gone.body()).contains("\"withdrawn\":2");
    assertThat(
            jdbc.sql("select count(*) from report_faces where report_id = ?")
                .param(report)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(faces.portalBank().person(reference)).isEmpty();
    assertThat(reportStore.events(report, true).stream().map(ReportStore.Event::kind))
        .contains("face_enrolled", "faces_withdrawn");

    // The page's form withdraws too (nothing left: still a redirect back).
    Reply form = call("POST", "/portal/reports/" + report + "/faces/withdraw", victim, null, true);
    assertThat(form.status()).isEqualTo(302);

    List<String> audit =
        jdbc.sql(
                "select actor || ' ' || action || ' ' || coalesce(target, '') || ' ' || detail::text"
                    + " from audit where target = ? order by id")
            .param(reference)
            .query(String.class)
            .list();
    String owner = reports.get(report).owner();
    assertThat(audit)
        .filteredOn(a -> a.startsWith(owner + " "))
        .extracting(a -> a.split(" ")[1])
        .containsExactly("face_enrolled", "face_enrolled", "faces_withdrawn", "faces_withdrawn");
    for (String a : audit) {
      for (float v : d) {
        assertThat(a).doesNotContain(Float.toString(v));
      }
    }
  }

  @Test
  void consentIsRecordedInTheLanguageSheReadIt() throws Exception {
    Reply r =
        call(
            "POST",
            "/api/v1/reports/" + report + "/faces?lang=ko",
            victim,
            valid(descriptor(), null),
            false);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String text =
        jdbc.sql("select consent_text from report_faces where report_id = ?")
            .param(report)
            .query(String.class)
            .single();
    assertThat(text.toLowerCase(Locale.ROOT)).contains("동의");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
