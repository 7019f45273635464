package org.haetae.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.server.cases.CaseStore;
import org.haetae.server.users.UserRole;
import org.haetae.server.users.UserStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API over real HTTP against the real (embedded) PostgreSQL: who sees which case, what a
 * forbidden or anonymous caller gets, problem+json errors, the audit trail, the OpenAPI spec.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiAccessTest {
  static Path data;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry r) throws Exception {
    data = Files.createTempDirectory("haetae-server-test");
    r.add("haetae.data-dir", data::toString);
  }

  @LocalServerPort int port;
  @Autowired CaseStore cases;
  @Autowired UserStore users;
  @Autowired JdbcClient jdbc;

  static UUID caseId;

  @BeforeAll
  static void nothing() {}

  private UUID demoCase() throws Exception {
    if (caseId == null) {
      CaseAnalysis a = new CaseStoreTest().analyseInto(Files.createTempDirectory("haetae-export"));
      caseId = cases.put(a, "demo", "/cases/demo");
      users.put("kim", "kim-password-1", UserRole.INVESTIGATOR);
      users.put("lee", "lee-password-1", UserRole.INVESTIGATOR);
      users.put("park", "park-password-1", UserRole.SUPPORT_STAFF);
      users.assign(caseId, "kim");
    }
    return caseId;
  }

  private HttpResponse<String> call(String method, String path, String user, String password)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onlyAssignedInvestigatorsSeeACase() throws Exception {
    UUID id = demoCase();
    String accounts = "/api/v1/cases/" + id + "/accounts?size=3";

    HttpResponse<String> kim = call("GET", accounts, "kim", "kim-password-1");
    assertThat(kim.statusCode()).isEqualTo(200);
    assertThat(kim.body()).contains("\"items\"").contains("\"score\"");
    assertThat(call("GET", "/api/v1/cases", "kim", "kim-password-1").body())
        .contains(id.toString());

    // Another investigator: the case does not exist for her, in the list or by id.
    HttpResponse<String> lee = call("GET", accounts, "lee", "lee-password-1");
    assertThat(lee.statusCode()).isEqualTo(404);
    assertThat(lee.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    // A case that does not exist answers the same, apart from the id echoed back.
    UUID other = UUID.randomUUID();
    assertThat(
            call("GET", "/api/v1/cases/" + other + "/accounts", "lee", "lee-password-1")
                .body()
                .replace(other.toString(), "ID"))
        .isEqualTo(lee.body().replace(id.toString(), "ID"));
    assertThat(call("GET", "/api/v1/cases", "lee", "lee-password-1").body())
        .doesNotContain(id.toString());

    // Support staff have no business with investigations; strangers are not let in.
    assertThat(call("GET", accounts, "park", "park-password-1").statusCode()).isEqualTo(403);
    assertThat(call("GET", accounts, null, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", accounts, "kim", "wrong").statusCode()).isEqualTo(401);

    // Bad paging is a problem+json 400 that says what is wrong.
    HttpResponse<String> bad =
        call("GET", accounts.replace("size=3", "size=100000"), "kim", "kim-password-1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("size 1..200");
  }

  @Test
  void decisionsAreRecordedAndAudited() throws Exception {
    UUID id = demoCase();
    CaseStore.AccountRow top = cases.accounts(id, 0, 1).get(0);
    String role = top.roles().get(0).role();
    String path = "/api/v1/cases/" + id + "/accounts/" + top.key() + "/roles/" + role + "/reject";
    assertThat(call("POST", path, "lee", "lee-password-1").statusCode()).isEqualTo(404);
    HttpResponse<String> r = call("POST", path, "kim", "kim-password-1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(cases.accounts(id, 0, 1).get(0).roles().get(0).decision()).isEqualTo("rejected");
    assertThat(
            jdbc.sql("select count(*) from audit where actor = 'kim' and action = 'role_decided'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // Failed logins are audited, under the name that was tried.
    assertThat(call("GET", "/api/v1/cases", "mallory", "guess").statusCode()).isEqualTo(401);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit where action = 'login_failed' and actor = 'mallory'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private HttpResponse<String> post(String path, String json, String user, String password)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aScanStartedThroughTheApiBecomesACaseOfItsStarter() throws Exception {
    demoCase();
    Path export = data.resolve("imports").resolve("room-1");
    org.haetae.demo.export.SyntheticExport.write(
        export,
        new org.haetae.demo.export.SyntheticExport.Options(
            4, org.haetae.demo.export.SyntheticExport.Shape.SINGLE_CHAT, 1, 200, 3, false));
    // Only folders inside the import folder can be scanned.
    HttpResponse<String> outside =
        post("/api/v1/scans", "{\"exports\":[\"../../etc\"]}", "kim", "kim-password-1");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("no such export folder");

    HttpResponse<String> started =
        post(
            "/api/v1/scans",
            "{\"title\":\"room 1\",\"exports\":[\"room-1\"]}",
            "kim",
            "kim-password-1");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String job = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    String status = "";
    for (int i = 0; i < 600 && !status.contains("\"state\":\"done\""); i++) {
      Thread.sleep(100);
      status = call("GET", "/api/v1/scans/" + job, "kim", "kim-password-1").body();
      assertThat(status).doesNotContain("\"state\":\"failed\"");
    }
    assertThat(status).contains("\"state\":\"done\"").contains("\"stage\":\"report\"");
    String caseId = status.replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
    assertThat(call("GET", "/api/v1/cases", "kim", "kim-password-1").body()).contains(caseId);
    assertThat(call("GET", "/api/v1/cases", "lee", "lee-password-1").body()).doesNotContain(caseId);
    assertThat(call("GET", "/api/v1/scans/" + job, "lee", "lee-password-1").statusCode())
        .isEqualTo(404);

    // Its text can be searched by the starter only; each search is audited with its words.
    HttpResponse<String> found =
        call(
            "GET",
            "/api/v1/cases/" + caseId + "/search?q=message&limit=3",
            "kim",
            "kim-password-1");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(found.body()).contains("<mark>message</mark>").contains("\"room\":\"chat");
    assertThat(
            call("GET", "/api/v1/cases/" + caseId + "/search?q=message", "lee", "lee-password-1")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            call(
                    "GET",
                    "/api/v1/cases/" + caseId + "/search?q=%22unclosed",
                    "kim",
                    "kim-password-1")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit where actor = 'kim' and action = 'search' and target = 'message'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Its pictures: blurred by default, revealed on request; each view audited and logged.
    String sha =
        jdbc.sql("select sha256 from media where case_id = ?::uuid and kind = 'image' limit 1")
            .param(caseId)
            .query(String.class)
            .single();
    String media = "/api/v1/cases/" + caseId + "/media/" + sha;
    HttpResponse<byte[]> blurred = bytes(media, "kim", "kim-password-1");
    HttpResponse<byte[]> revealed = bytes(media + "?reveal=true", "kim", "kim-password-1");
    assertThat(blurred.statusCode()).isEqualTo(200);
    assertThat(revealed.statusCode()).isEqualTo(200);
    assertThat(blurred.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(detail(blurred.body())).isLessThan(detail(revealed.body()) * 0.75);
    assertThat(bytes(media, "lee", "lee-password-1").statusCode()).isEqualTo(404);
    assertThat(
            bytes("/api/v1/cases/" + caseId + "/media/" + "0".repeat(64), "kim", "kim-password-1")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select action from audit where actor = 'kim' and target = ? order by id")
                .param(sha)
                .query(String.class)
                .list())
        .containsExactly("media_viewed", "media_revealed");
    Path folder =
        Path.of(
            jdbc.sql("select folder from cases where id = ?::uuid")
                .param(caseId)
                .query(String.class)
                .single());
    String log = Files.readString(folder.resolve("custody.log"));
    assertThat(log)
        .contains("\"type\":\"viewed\"")
        .contains("\"revealed\":true")
        .contains("\"by\":\"kim\"");
    var keys = org.haetae.pipeline.keys.Keys.load(data, null, false);
    assertThat(
            org.haetae.evidence.casefolder.CaseVerifier.verify(
                    new org.haetae.evidence.casefolder.CaseFolder(folder), keys.vault(), null)
                .intact())
        .isTrue();
  }

  private HttpResponse<byte[]> bytes(String path, String user, String password) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** How much fine detail a JPEG has (see {@link MediaViewsTest#detail}). */
  private static double detail(byte[] jpeg) throws Exception {
    return org.haetae.server.media.MediaViewsTest.detail(
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg)));
  }

  @Test
  void repeatedFailedLoginsLockTheNameForAWhile() throws Exception {
    demoCase();
    users.put("choi", "choi-password-1", UserRole.INVESTIGATOR);
    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "/api/v1/cases", "choi", "guess-" + i).statusCode()).isEqualTo(401);
    }
    // Now even the right password is refused, and says so without telling whether it was right.
    HttpResponse<String> locked = call("GET", "/api/v1/cases", "choi", "choi-password-1");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(call("GET", "/api/v1/cases", "choi", "guess-x").body()).isEqualTo(locked.body());
    // Other people are not affected.
    assertThat(call("GET", "/api/v1/cases", "kim", "kim-password-1").statusCode()).isEqualTo(200);
  }

  @Autowired org.haetae.server.access.ApiTokens tokens;

  private HttpResponse<String> bearer(String path, String token) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiTokensActAsTheirUser() throws Exception {
    UUID id = demoCase();
    String kim = tokens.issue("kim", "script");
    String lee = tokens.issue("lee", "script");
    assertThat(kim).startsWith("hae_").hasSizeGreaterThan(40);
    assertThat(bearer("/api/v1/cases", kim).body()).contains(id.toString());
    assertThat(bearer("/api/v1/cases/" + id + "/accounts", lee).statusCode()).isEqualTo(404);
    HttpResponse<String> bogus = bearer("/api/v1/cases", "hae_" + "x".repeat(43));
    assertThat(bogus.statusCode()).isEqualTo(401);
    assertThat(bogus.body()).contains("unknown or revoked token");
    // Only a digest of the token is stored.
    assertThat(
            jdbc.sql("select count(*) from api_tokens where token_sha256 = ? or token_sha256 = ?")
                .params(kim, kim.substring(4))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void servesItsOpenApiSpec() throws Exception {
    HttpResponse<String> spec = call("GET", "/v3/api-docs", null, null);
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("/api/v1/cases/{caseId}/accounts");
  }
}
