package org.haetae.server;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.server.portal.Reports;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.storage.UserStore;
import org.haetae.server.takedowns.Notices;
import org.haetae.server.takedowns.Takedowns;
import org.haetae.server.users.UserRole;
import org.haetae.server.web.UiPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix, over real HTTP: every endpoint that names a case (or a scan) × every role ×
 * its own case, another investigator's case and a case that does not exist.
 *
 * <p>Two cases are scanned through the service itself ({@code POST /api/v1/scans}) from generated
 * exports, so each has a real case folder (vault, custody log, text index, graph, reports): case A
 * started by investigator {@code ina}, case B by {@code inb}. B's export has its Telegram ids
 * renumbered, so the two cases share no account key, room key or title, and each carries a word
 * only it holds. The rules:
 *
 * <ul>
 *   <li>an investigator sees only the cases assigned to her; another's case answers 404 exactly
 *       like a case that does not exist (the error page from page controllers, problem+json from
 *       the others: the API and the downloads of reports and evidence packages), and says nothing
 *       of the case;
 *   <li>an admin sees every case, and is told 404 for a case that does not exist;
 *   <li>support staff, platforms and victims never see a case or a scan: 403;
 *   <li>anonymous callers get 401 on the API and a redirect to the login page on pages (a page's
 *       POST without a session fails its CSRF check first: 403);
 *   <li>what a caller may see of one case never carries data of the other.
 * </ul>
 *
 * <p>The victims' portal, the support desk and the platform API have an axis of their own: report
 * R1 filed by victim {@code vic}, R2 by victim {@code viv}, each with a takedown notice sent to its
 * platform (N1 to {@code pat}'s, N2 to {@code pia}'s) and one still a draft. The rules:
 *
 * <ul>
 *   <li>a report is seen by the victim who filed it, support staff and admins; another victim gets
 *       exactly what a report that does not exist gives (404), and investigators and platforms get
 *       403 on the portal and the reports API;
 *   <li>the support desk is for support staff and admins only (403 for everyone else);
 *   <li>a platform sees the notices sent to it, and a notice sent to another platform, or not sent
 *       at all, is "no such notice" (404); no one else calls the platform API (403);
 *   <li>a refused request changes nothing, and no reply carries the other report's reference, text,
 *       hashes or notices (nor, to a platform, its own report's id or text).
 * </ul>
 *
 * <p>The endpoints are read from Spring's handler mapping: an endpoint of the service that is not
 * in this matrix fails the test, so a new one cannot ship without its access rules being checked.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixTest {
  /**
   * Every endpoint that names a case, with the status its allowed callers get. Adding an endpoint
   * to the service without adding it here fails {@link #everyEndpointIsInTheMatrix}.
   */
  static final Map<String, Integer> CASE_ENDPOINTS =
      Map.ofEntries(
          // The API.
          entry("GET /api/v1/cases/{caseId}", 200),
          entry("GET /api/v1/cases/{caseId}/accounts", 200),
          entry("GET /api/v1/cases/{caseId}/accounts/{key}", 200),
          entry("GET /api/v1/cases/{caseId}/accounts/{key}/messages", 200),
          entry("GET /api/v1/cases/{caseId}/rooms", 200),
          entry("GET /api/v1/cases/{caseId}/rooms/{key}", 200),
          entry("GET /api/v1/cases/{caseId}/rooms/{key}/messages", 200),
          entry("GET /api/v1/cases/{caseId}/media", 200),
          entry("GET /api/v1/cases/{caseId}/media/{sha256}", 200),
          entry("GET /api/v1/cases/{caseId}/media/{sha256}/about", 200),
          entry("GET /api/v1/cases/{caseId}/flags", 200),
          entry("GET /api/v1/cases/{caseId}/findings", 200),
          entry("GET /api/v1/cases/{caseId}/victims", 200),
          entry("GET /api/v1/cases/{caseId}/audit", 200),
          entry("GET /api/v1/cases/{caseId}/search", 200),
          entry("GET /api/v1/cases/{caseId}/lexicon-suggestions", 200),
          entry("GET /api/v1/cases/{id}/graph", 200),
          entry("POST /api/v1/cases/{caseId}/accounts/{account}/roles/{role}/{decision}", 200),
          entry("POST /api/v1/cases/{caseId}/flags/{flag}/{decision}", 200),
          // The pages and downloads.
          entry("GET /cases/{id}", 200),
          entry("GET /cases/{id}/accounts", 200),
          entry("GET /cases/{id}/accounts/{key}", 200),
          entry("GET /cases/{id}/rooms", 200),
          entry("GET /cases/{id}/rooms/{key}", 200),
          entry("GET /cases/{id}/media", 200),
          entry("GET /cases/{id}/media/{sha256}", 200),
          entry("GET /cases/{id}/victims", 200),
          entry("GET /cases/{id}/findings", 200),
          entry("GET /cases/{id}/flags", 200),
          entry("GET /cases/{id}/search", 200),
          entry("GET /cases/{id}/network", 200),
          entry("GET /cases/{id}/audit", 200),
          entry("GET /cases/{id}/files/{name}", 200),
          entry("GET /cases/{id}/package.zip", 200),
          entry("POST /cases/{id}/accounts/{account}/roles/{role}/{decision}", 302),
          entry("POST /cases/{id}/flags/{flag}/{decision}", 302),
          // Reveals the picture in the page (or asks again first, for a likely explicit one).
          entry("POST /cases/{id}/media/{sha256}/reveal", 200));

  /** Endpoints that name a scan: its starter (or an admin) sees it, anyone else gets 404. */
  static final Map<String, Integer> SCAN_ENDPOINTS =
      Map.of("GET /api/v1/scans/{id}", 200, "GET /scans/{id}", 200);

  /**
   * Endpoints that name no case or scan; what they list is checked by {@link
   * #listsShowOnlyTheCallersCasesAndScans}, starting a scan by {@link #setUp}.
   */
  static final Set<String> UNSCOPED =
      Set.of(
          "GET /",
          "GET /login",
          "GET /cases",
          "GET /api/v1/cases",
          "GET /scans",
          "POST /scans",
          "POST /api/v1/scans");

  /**
   * Every endpoint that names a report or a takedown notice, with the status its allowed callers
   * get; who those are follows from the path ({@link #expect(Endpoint, Caller, Filed)}). Adding one
   * without adding it here fails {@link #everyEndpointIsInTheMatrix}.
   */
  static final Map<String, Integer> REPORT_ENDPOINTS =
      Map.ofEntries(
          // The portal and the reports API: the report's owner, support staff, admins.
          entry("GET /api/v1/reports/{id}", 200),
          entry("POST /api/v1/reports/{id}/hashes", 200),
          entry("POST /api/v1/reports/{id}/hashes/withdraw", 200),
          entry("GET /portal/reports/{id}", 200),
          entry("POST /portal/reports/{id}/hashes/withdraw", 302),
          // Protect my face: the owner adds and withdraws; staff see how many (403 on changes).
          entry("GET /api/v1/reports/{id}/faces", 200),
          entry("POST /api/v1/reports/{id}/faces", 200),
          entry("DELETE /api/v1/reports/{id}/faces", 200),
          entry("GET /portal/reports/{id}/faces", 200),
          entry("POST /portal/reports/{id}/faces/withdraw", 302),
          // The support desk: support staff and admins, every report and notice.
          entry("GET /support/reports/{id}", 200),
          entry("POST /support/reports/{id}/triage", 302),
          entry("POST /support/reports/{id}/notes", 302),
          entry("POST /support/reports/{id}/notices", 302),
          entry("GET /support/notices/{notice}.txt", 200),
          entry("GET /support/notices/{notice}.pdf", 200),
          entry("POST /support/notices/{notice}/sent", 302),
          entry("POST /support/notices/{notice}/answer", 302),
          // The platform API: the platform the notice was sent to.
          entry("GET /api/v1/platform/notices/{id}", 200),
          entry("GET /api/v1/platform/notices/{id}/text", 200),
          entry("GET /api/v1/platform/notices/{id}/statement-of-reasons", 200),
          entry("POST /api/v1/platform/notices/{id}/answer", 200));

  /**
   * Endpoints of the portal, the desk, the platform API and registration that name no report or
   * notice, with the status their allowed callers get (support staff and admins are sent from
   * {@code /portal} to {@code /support}); checked by {@link #portalListsShowOnlyTheCallersOwn} and
   * {@link #portalPostsOnlyByThoseAllowed}.
   */
  static final Map<String, Integer> PORTAL_UNSCOPED =
      Map.ofEntries(
          entry("GET /register", 200),
          entry("POST /register", 302),
          entry("GET /portal", 200),
          entry("GET /portal/reports/new", 200),
          entry("POST /portal/reports", 302),
          entry("GET /api/v1/reports", 200),
          entry("GET /support", 200),
          entry("GET /support/stats", 200),
          entry("GET /support/stats.csv", 200),
          entry("GET /api/v1/platform/notices", 200),
          entry("POST /api/v1/platform/match", 200));

  /** A statement of reasons that follows the Transparency Database schema. */
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

  /** Query parameters an endpoint needs to do its work (not to pass the access check). */
  static final Map<String, String> QUERIES =
      Map.of(
          "GET /api/v1/cases/{caseId}/search", "?q=plain",
          "GET /cases/{id}/search", "?q=plain",
          "GET /api/v1/cases/{caseId}/media/{sha256}", "?thumbnail=true",
          "GET /api/v1/platform/notices/{id}/statement-of-reasons", "?puid=post-123");

  /**
   * Further parameters an endpoint takes that change what it reads or does: the matrix asks with
   * each of them too, besides its {@link #QUERIES} (or none).
   */
  static final Map<String, List<String>> VARIANTS =
      Map.of(
          "GET /api/v1/cases/{caseId}/media",
          List.of("?order=least-explicit", "?order=date&matched=true", "?order=posts"),
          "GET /cases/{id}/media",
          List.of("?order=least-explicit", "?order=date&matched=true", "?order=posts"),
          "POST /cases/{id}/media/{sha256}/reveal",
          List.of("?confirm=true"));

  /** Every query an endpoint is asked with. */
  private static List<String> queries(Endpoint e) {
    List<String> out = new ArrayList<>();
    out.add(QUERIES.getOrDefault(e.key(), ""));
    out.addAll(VARIANTS.getOrDefault(e.key(), List.of()));
    return out;
  }

  /** A signed-in person (or nobody: {@code name == null}). */
  record Caller(String name, UserRole role) {
    boolean anonymous() {
      return name == null;
    }

    @Override
    public String toString() {
      return anonymous() ? "anonymous" : name + " (" + role.code() + ")";
    }
  }

  static final Caller ADMIN = new Caller("root", UserRole.ADMIN);
  static final Caller INA = new Caller("ina", UserRole.INVESTIGATOR);
  static final Caller INB = new Caller("inb", UserRole.INVESTIGATOR);
  static final Caller SUPPORT = new Caller("sam", UserRole.SUPPORT_STAFF);
  static final Caller PLATFORM = new Caller("pat", UserRole.PLATFORM);
  static final Caller PLATFORM2 = new Caller("pia", UserRole.PLATFORM);
  static final Caller VICTIM = new Caller("vic", UserRole.VICTIM);
  static final Caller VICTIM2 = new Caller("viv", UserRole.VICTIM);
  static final Caller ANONYMOUS = new Caller(null, null);
  static final List<Caller> CALLERS =
      List.of(ADMIN, INA, INB, SUPPORT, PLATFORM, PLATFORM2, VICTIM, VICTIM2, ANONYMOUS);

  /** What a reply about a target may not carry to a caller who may not see it. */
  interface Target {
    String name();

    Set<String> secrets();
  }

  record Named(String name, Set<String> secrets) implements Target {}

  /** Support staff and admins: they work on every report. */
  static boolean staff(Caller c) {
    return !c.anonymous() && (c.role() == UserRole.SUPPORT_STAFF || c.role() == UserRole.ADMIN);
  }

  /**
   * One scanned case and the values its endpoints' path variables take.
   *
   * @param secrets what must never reach a caller who may not see the case: its title, its own
   *     word, every account key, room key and file SHA-256
   */
  record Fixture(
      String name,
      UUID id,
      UUID scan,
      String title,
      String word,
      Caller owner,
      String account,
      String room,
      String sha256,
      String claimAccount,
      String role,
      long flag,
      Set<String> secrets)
      implements Target {
    /** The scan that made the case, as what the scan endpoints name. */
    Fixture scanned() {
      return new Fixture(
          name + "'s scan",
          scan,
          scan,
          title,
          word,
          owner,
          null,
          null,
          null,
          null,
          null,
          0,
          Set.of(id.toString(), scan.toString(), title));
    }
  }

  /**
   * A report filed through the portal, with a takedown notice sent to its platform (which removed
   * the content) and one still a draft.
   *
   * @param secrets what must never reach a caller who may not see the report: its id, reference,
   *     own word (in its text), link, hashes and notices
   * @param noticeView of those, what its notice shows the platform it was sent to
   */
  record Filed(
      String name,
      UUID id,
      String reference,
      String word,
      Caller owner,
      Caller platform,
      String organisation,
      UUID notice,
      UUID draft,
      String pdq,
      Set<String> secrets,
      Set<String> noticeView)
      implements Target {
    /** The report, or the notice, an endpoint names: the draft is what {@code .../sent} sends. */
    UUID idFor(Endpoint e) {
      if (e.pattern().startsWith("/api/v1/platform/") || e.pattern().contains("{notice}")) {
        return e.pattern().endsWith("/sent") ? draft : notice;
      }
      return id;
    }
  }

  @Autowired ServiceClient service;
  @Autowired UserStore users;
  @Autowired Reports reports;
  @Autowired Notices notices;
  @Autowired Takedowns takedowns;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  final Map<String, String> tokens = new LinkedHashMap<>();
  Fixture a;
  Fixture b;
  Filed r1;
  Filed r2;
  int requests;

  @BeforeAll
  void setUp() throws Exception {
    for (Caller c : CALLERS) {
      if (!c.anonymous()) {
        tokens.put(c.name(), service.login(c.name(), c.role()));
      }
    }
    Path imports = service.data().resolve("imports");
    export(imports.resolve("alpha"), 11, "alphaonly", false);
    export(imports.resolve("beta"), 22, "betaonly", true);
    UUID scanA = startScan(INA, "Alpha 사건 7Q", "alpha");
    UUID scanB = startScan(INB, "Beta 사건 9Z", "beta");
    a = fixture("case A", scanA, INA, "alphaonly");
    b = fixture("case B", scanB, INB, "betaonly");
    // What the two cases hold apart: the leak checks look for the other case's own values.
    assertThat(a.account()).isNotEqualTo(b.account());
    assertThat(a.room()).isNotEqualTo(b.room());
    users.setOrganisation(PLATFORM.name(), "PlatformOne");
    users.setOrganisation(PLATFORM2.name(), "PlatformTwo");
    r1 = filed("R1", VICTIM, PLATFORM, "PlatformOne", "fernwhistle");
    r2 = filed("R2", VICTIM2, PLATFORM2, "PlatformTwo", "quartzlantern");
  }

  /**
   * A report filed by {@code owner} about {@code organisation}, with hashes, a notice sent there
   * and a draft.
   */
  private Filed filed(
      String name, Caller owner, Caller platform, String organisation, String word) {
    String link = "https://example.invalid/c/" + UUID.randomUUID();
    UUID id =
        reports.create(
            owner.name(),
            new ReportStore.NewReport(
                "self",
                "Fake pictures of me were posted, " + word + ".",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7),
                organisation,
                List.of(link),
                "portal",
                null,
                false));
    String pdq = hex(32);
    String md5 = hex(16);
    reports.addHashes(id, List.of(new ReportStore.HashIn(pdq, 100, md5, null, null)));
    UUID notice = draft(id, organisation, link);
    takedowns.send(notice, SUPPORT.name());
    // Removed already, so that its statement of reasons can be asked for.
    notices.answer(notice, "removed", null, null);
    UUID draft = draft(id, organisation, link);
    String reference = reports.get(id).reference();
    Set<String> view = Set.of(notice.toString(), reference, link, pdq, md5);
    Set<String> secrets = new TreeSet<>(view);
    secrets.addAll(List.of(id.toString(), word, draft.toString()));
    return new Filed(
        name,
        id,
        reference,
        word,
        owner,
        platform,
        organisation,
        notice,
        draft,
        pdq,
        secrets,
        view);
  }

  private UUID draft(UUID report, String organisation, String link) {
    return notices.draft(
        report,
        "TAKE_IT_DOWN",
        organisation,
        List.of(link),
        "A sexual deepfake of a real person, shared without her consent.",
        "en",
        SUPPORT.name());
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** A generated Telegram export; {@code renumber} gives its people and rooms other ids. */
  private static void export(Path dir, long seed, String word, boolean renumber) throws Exception {
    SyntheticExport.write(
        dir, SyntheticExport.Options.everyVariant(seed, SyntheticExport.Shape.ACCOUNT));
    Path result = dir.resolve("result.json");
    String json = Files.readString(result).replace("plain text 평문", "plain text 평문 " + word);
    if (renumber) {
      json =
          json.replace("\"user1", "\"user6")
              .replace("\"user_id\": 1", "\"user_id\": 6")
              .replace("\"id\": 1000,", "\"id\": 6000,")
              .replace("\"id\": 400000000", "\"id\": 410000000")
              .replace("\"channel400000000", "\"channel410000000");
    }
    Files.writeString(result, json);
  }

  /** Scans an export of the import folder as {@code who}; returns the scan's id when done. */
  private UUID startScan(Caller who, String title, String export) throws Exception {
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/scans"))
                .header("Authorization", "Bearer " + tokens.get(who.name()))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"" + title + "\",\"exports\":[\"" + export + "\"]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    UUID scan = UUID.fromString(field(started.body(), "id"));
    String status = "";
    for (int i = 0; i < 1200 && !status.contains("\"state\":\"done\""); i++) {
      Thread.sleep(100);
      status = send("GET", "/api/v1/scans/" + scan, who, false).text();
      assertThat(status).doesNotContain("\"state\":\"failed\"");
    }
    assertThat(status).contains("\"state\":\"done\"");
    return scan;
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  /** The case a scan made, with real values for every path variable, read from the database. */
  private Fixture fixture(String name, UUID scan, Caller owner, String word) {
    String status = send("GET", "/api/v1/scans/" + scan, owner, false).text();
    UUID id = UUID.fromString(field(status, "caseId"));
    String title =
        jdbc.sql("select title from cases where id = ?").param(id).query(String.class).single();
    List<String> accounts =
        jdbc.sql("select key from accounts where case_id = ? order by rank")
            .param(id)
            .query(String.class)
            .list();
    List<String> rooms =
        jdbc.sql("select key from chats where case_id = ? order by messages desc, key")
            .param(id)
            .query(String.class)
            .list();
    List<String> images =
        jdbc.sql("select sha256 from media where case_id = ? and kind = 'image' order by sha256")
            .param(id)
            .query(String.class)
            .list();
    Map<String, Object> claim =
        jdbc.sql(
                "select account_key, role from role_claims where case_id = ?"
                    + " order by account_key, role limit 1")
            .param(id)
            .query()
            .singleRow();
    long flag =
        jdbc.sql("select min(id) from flags where case_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    Set<String> secrets = new TreeSet<>();
    secrets.add(title);
    secrets.add(word);
    secrets.addAll(accounts);
    secrets.addAll(rooms);
    secrets.addAll(
        jdbc.sql("select sha256 from media where case_id = ?")
            .param(id)
            .query(String.class)
            .list());
    assertThat(accounts).isNotEmpty();
    assertThat(rooms).isNotEmpty();
    assertThat(images).isNotEmpty();
    return new Fixture(
        name,
        id,
        scan,
        title,
        word,
        owner,
        accounts.get(0),
        rooms.get(0),
        images.get(0),
        (String) claim.get("account_key"),
        (String) claim.get("role"),
        flag,
        secrets);
  }

  // ---- HTTP ----

  record Reply(String method, String path, int status, String type, String location, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean textual() {
      return type.startsWith("text/") || type.contains("json") || type.isEmpty();
    }

    @Override
    public String toString() {
      return method + " " + path + " -> " + status + " " + type;
    }
  }

  private URI uri(String path) {
    return service.uri(path);
  }

  /** One request as {@code who} (API token); pages ask for HTML as a browser does. */
  private Reply send(String method, String path, Caller who, boolean page) {
    return send(method, path, who, page, null);
  }

  /** The same with a body: JSON when it starts with [ or {, a form otherwise. */
  private Reply send(String method, String path, Caller who, boolean page, String body) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header(
          "Content-Type",
          body.startsWith("[") || body.startsWith("{")
              ? "application/json"
              : "application/x-www-form-urlencoded");
    }
    if (!who.anonymous()) {
      r.header("Authorization", "Bearer " + tokens.get(who.name()));
    }
    if (page) {
      r.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }
    try {
      HttpResponse<byte[]> res = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      requests++;
      return new Reply(
          method,
          path,
          res.statusCode(),
          res.headers().firstValue("Content-Type").orElse(""),
          res.headers().firstValue("Location").orElse(null),
          res.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path, e);
    }
  }

  // ---- the endpoints, from the handler mapping ----

  /**
   * @param page a page controller ({@code @UiPage}): its errors are pages; other controllers'
   *     errors are problem+json, wherever their path lies
   */
  record Endpoint(String method, String pattern, boolean page) {
    String key() {
      return method + " " + pattern;
    }

    boolean api() {
      return pattern.startsWith("/api/");
    }
  }

  /** Every endpoint of the service's own controllers (not the library's: errors, OpenAPI). */
  private List<Endpoint> endpoints() {
    List<Endpoint> out = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getName().startsWith("org.haetae.")) {
        continue;
      }
      Set<String> methods = new TreeSet<>();
      e.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String m : methods) {
        for (String p : e.getKey().getPatternValues()) {
          out.add(new Endpoint(m, p, e.getValue().getBeanType().isAnnotationPresent(UiPage.class)));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Endpoint::key));
    return out;
  }

  private List<Endpoint> caseEndpoints(String method) {
    return endpoints().stream()
        .filter(e -> CASE_ENDPOINTS.containsKey(e.key()) && e.method().equals(method))
        .toList();
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** The endpoint's path for one case, every variable filled with a real value of it. */
  private static String fill(Endpoint e, UUID caseId, Fixture f, String decision) {
    return fill(e, caseId, f, decision, QUERIES.getOrDefault(e.key(), ""));
  }

  /** The same with this query. */
  private static String fill(Endpoint e, UUID caseId, Fixture f, String decision, String query) {
    Matcher m = VARIABLE.matcher(e.pattern());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String before = e.pattern().substring(0, m.start());
      String value =
          switch (m.group(1)) {
            case "caseId", "id" -> caseId.toString();
            case "key" ->
                before.endsWith("/rooms/")
                    ? f.room()
                    : before.endsWith("/accounts/") ? f.account() : null;
            case "account" -> f.claimAccount();
            case "role" -> f.role();
            case "decision" -> decision;
            case "flag" -> Long.toString(f.flag());
            case "sha256" -> f.sha256();
            case "name" -> "report.json";
            default -> null;
          };
      if (value == null) {
        throw new AssertionError(
            e.key() + ": the access matrix cannot fill {" + m.group(1) + "}; teach fill() it");
      }
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    return out + query;
  }

  /** The path of a report's or notice's endpoint for {@code id}. */
  private static String fillReport(Endpoint e, UUID id) {
    Matcher m = VARIABLE.matcher(e.pattern());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (!m.group(1).equals("id") && !m.group(1).equals("notice")) {
        throw new AssertionError(
            e.key() + ": the access matrix cannot fill {" + m.group(1) + "}; teach fillReport()");
      }
      m.appendReplacement(out, id.toString());
    }
    m.appendTail(out);
    return out + QUERIES.getOrDefault(e.key(), "");
  }

  /** What a POST sends: a valid request, so that only the access rules can refuse it. */
  private String body(Endpoint e, Caller c, Filed f) {
    String who = c.anonymous() ? "anonymous" : c.name();
    return switch (e.key()) {
      case "POST /api/v1/reports/{id}/hashes" ->
          "[{\"pdq\":\"" + hex(32) + "\",\"quality\":90,\"md5\":\"" + hex(16) + "\"}]";
      case "POST /api/v1/reports/{id}/faces" -> faceTemplate();
      case "POST /support/reports/{id}/triage" ->
          "urgency=high&status=in_progress&platform=" + f.organisation();
      case "POST /support/reports/{id}/notes" -> "body=" + encode("A note by " + who);
      case "POST /support/reports/{id}/notices" ->
          "kind=TAKE_IT_DOWN&language=en&platform="
              + f.organisation()
              + "&urls="
              + encode("https://example.invalid/again/" + UUID.randomUUID())
              + "&explanation="
              + encode("A sexual deepfake of a real person, posted again.");
      case "POST /support/notices/{notice}/answer" -> "status=acknowledged&answer=seen";
      case "POST /api/v1/platform/notices/{id}/answer" ->
          "{\"status\":\"removed\",\"answer\":\"removed\",\"statementOfReasons\":" + SOR + "}";
      case "POST /portal/reports" ->
          "whatHappened=" + encode("Filed by " + who) + "&platform=" + r1.organisation();
      case "POST /register" ->
          "username=new-" + who + "&password=a-long-password&repeat=a-long-password";
      case "POST /api/v1/platform/match" -> "{\"pdq\":\"" + r1.pdq() + "\",\"quality\":100}";
      default -> null;
    };
  }

  /** A valid face template as the portal's script sends it. */
  private static String faceTemplate() {
    java.util.Random r = new java.util.Random();
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < 128; i++) {
      d.append(i == 0 ? "" : ",").append((float) (r.nextGaussian() * 0.1));
    }
    return "{\"model\":\"face-api-1.7.15/face_recognition\",\"descriptor\":["
        + d
        + "],\"consent\":true,\"photo_sha256\":\""
        + hex(32)
        + "\"}";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- what each caller must get ----

  enum Expect {
    ALLOWED,
    HIDDEN,
    FORBIDDEN,
    ANONYMOUS
  }

  private static Expect expect(Caller c, Caller owner) {
    if (c.anonymous()) {
      return Expect.ANONYMOUS;
    }
    return switch (c.role()) {
      case ADMIN -> Expect.ALLOWED;
      case INVESTIGATOR -> c.equals(owner) ? Expect.ALLOWED : Expect.HIDDEN;
      default -> Expect.FORBIDDEN;
    };
  }

  /**
   * What a caller may do with an endpoint of the portal, the desk, the platform API or
   * registration: SecurityConfig's rules by path, then whose the report or notice {@code f} is
   * ({@code null} for an endpoint that names none).
   */
  private static Expect expect(Endpoint e, Caller c, Filed f) {
    String p = e.pattern();
    if (p.equals("/register")) {
      // Public; but a form POST without a session has no CSRF token.
      return c.anonymous() && e.method().equals("POST") ? Expect.ANONYMOUS : Expect.ALLOWED;
    }
    if (c.anonymous()) {
      return Expect.ANONYMOUS;
    }
    boolean staff = staff(c);
    if (p.startsWith("/api/v1/platform/")) {
      if (c.role() != UserRole.PLATFORM) {
        return Expect.FORBIDDEN;
      }
      return f == null || c.equals(f.platform()) ? Expect.ALLOWED : Expect.HIDDEN;
    }
    if (p.equals("/support") || p.startsWith("/support/")) {
      return staff ? Expect.ALLOWED : Expect.FORBIDDEN;
    }
    if (p.equals("/portal")
        || p.startsWith("/portal/")
        || p.equals("/api/v1/reports")
        || p.startsWith("/api/v1/reports/")) {
      if (staff) {
        // Only she enrols or withdraws her face; staff see how many templates there are.
        return p.contains("/faces") && !e.method().equals("GET")
            ? Expect.FORBIDDEN
            : Expect.ALLOWED;
      }
      if (c.role() != UserRole.VICTIM) {
        return Expect.FORBIDDEN;
      }
      return f == null || c.equals(f.owner()) ? Expect.ALLOWED : Expect.HIDDEN;
    }
    throw new AssertionError(e.key() + ": the access matrix has no rule for it; teach expect() it");
  }

  /**
   * What {@code c} may never see of report {@code f}: nothing for its owner and the staff, the
   * report itself for the platform its notice went to (it sees the notice), everything for others.
   */
  private static Set<String> hiddenFrom(Caller c, Filed f) {
    if (staff(c) || c.equals(f.owner())) {
      return Set.of();
    }
    Set<String> out = new HashSet<>(f.secrets());
    if (c.equals(f.platform())) {
      out.removeAll(f.noticeView());
    }
    return out;
  }

  /** The body with what the caller sent (the path it echoes) and per-request tokens taken out. */
  private static String scrubbed(Reply r) {
    String path = r.path().replaceFirst("\\?.*", "");
    return r.text()
        .replace(path, "PATH")
        .replace(URLDecoder.decode(path, StandardCharsets.UTF_8), "PATH")
        .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"CSRF\"")
        .replaceAll(
            "<meta name=\"csrf-token\" content=\"[^\"]*\"",
            "<meta name=\"csrf-token\" content=\"CSRF\"")
        .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"T\"");
  }

  /** Values of {@code f} found in a reply that must not carry them. */
  private static List<String> leaked(Reply r, Set<String> secrets) {
    if (!r.textual()) {
      return List.of();
    }
    String body = scrubbed(r);
    return secrets.stream().filter(body::contains).toList();
  }

  /**
   * Checks one reply against the rules, adding what is wrong to {@code failures}.
   *
   * @param x what the caller may do with the target
   * @param id the target's id in the path
   * @param home where an allowed caller's redirect must lead
   * @param missing the same request for an id that does not exist ({@code missingId}): for a hidden
   *     target, and for some allowed callers
   * @param mustNotCarry values the reply must not hold
   */
  private void check(
      Endpoint e,
      Caller c,
      Expect x,
      Target f,
      String id,
      int allowed,
      String home,
      Reply r,
      Reply missing,
      String missingId,
      Set<String> mustNotCarry,
      List<String> failures) {
    String what = r + " as " + c + " on " + f.name() + ": ";
    switch (x) {
      case ALLOWED -> {
        if (r.status() != allowed) {
          failures.add(what + "expected " + allowed + " " + snippet(r));
        }
        if (allowed == 302 && (r.location() == null || !r.location().contains(home))) {
          failures.add(what + "redirects to " + r.location() + ", not " + home);
        }
        if (missing != null && missing.status() != 404) {
          failures.add(missing + " as " + c + ": an id that does not exist, " + snippet(missing));
        }
      }
      case HIDDEN -> {
        if (r.status() != 404) {
          failures.add(what + "expected 404 " + snippet(r));
        }
        String type = e.page() ? "text/html" : "application/problem+json";
        if (!r.type().startsWith(type)) {
          failures.add(what + "expected " + type);
        }
        if (missing.status() != r.status()
            || !missing.type().equals(r.type())
            || !scrubbed(missing).replace(missingId, "ID").equals(scrubbed(r).replace(id, "ID"))) {
          failures.add(
              what
                  + "differs from an id that does not exist ("
                  + missing.status()
                  + "): "
                  + snippet(r)
                  + " vs "
                  + snippet(missing));
        }
      }
      case FORBIDDEN -> {
        if (r.status() != 403) {
          failures.add(what + "expected 403 " + snippet(r));
        }
      }
      case ANONYMOUS -> {
        if (e.api()) {
          if (r.status() != 401) {
            failures.add(what + "expected 401 " + snippet(r));
          }
        } else if (e.method().equals("GET")
            && (r.status() != 302 || r.location() == null || !r.location().endsWith("/login"))) {
          failures.add(what + "expected a redirect to /login, got " + r.location());
        } else if (e.method().equals("POST") && r.status() != 403) {
          // A page's POST without a session has no CSRF token: refused before anything else.
          failures.add(what + "expected 403 (no CSRF token) " + snippet(r));
        }
      }
    }
    if (x != Expect.ALLOWED && r.status() / 100 == 2) {
      failures.add(what + "answered " + r.status());
    }
    List<String> l = leaked(r, mustNotCarry);
    if (!l.isEmpty()) {
      failures.add(what + "carries " + l);
    }
  }

  private static String snippet(Reply r) {
    String t = r.textual() ? r.text() : "(" + r.body().length + " bytes)";
    return "[" + r.status() + " " + (t.length() > 300 ? t.substring(0, 300) + "..." : t) + "]";
  }

  /**
   * Every endpoint × every caller {@code who} takes × both targets; hidden callers (and an admin,
   * once) also ask for a target that does not exist.
   */
  private List<String> matrix(
      List<Endpoint> endpoints,
      Map<String, Integer> allowed,
      List<Fixture> targets,
      BiPredicate<Caller, Fixture> who,
      String decision) {
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints) {
      for (String query : queries(e)) {
        for (Fixture f : targets) {
          matrix(e, query, f, targets, allowed, who, decision, failures);
        }
      }
    }
    return failures;
  }

  /** One endpoint, asked with one query about one target, by every caller {@code who} takes. */
  private void matrix(
      Endpoint e,
      String query,
      Fixture f,
      List<Fixture> targets,
      Map<String, Integer> allowed,
      BiPredicate<Caller, Fixture> who,
      String decision,
      List<String> failures) {
    Fixture other = targets.get(1 - targets.indexOf(f));
    String path = fill(e, f.id(), f, decision, query);
    for (Caller c : CALLERS) {
      if (!who.test(c, f)) {
        continue;
      }
      Expect x = expect(c, f.owner());
      Reply r = send(e.method(), path, c, !e.api());
      // What does not exist: to compare with for the hidden callers; an admin, who sees
      // everything, must still be told it does not exist.
      UUID missingId =
          x == Expect.HIDDEN || (c == ADMIN && f == targets.get(0)) ? UUID.randomUUID() : null;
      Reply missing =
          missingId == null
              ? null
              : send(e.method(), fill(e, missingId, f, decision, query), c, !e.api());
      // What the caller may see of this case holds nothing of the other one; what it may not
      // see, nothing of this one.
      Set<String> mustNotCarry = new HashSet<>(f.secrets());
      if (x == Expect.ALLOWED) {
        mustNotCarry = new HashSet<>(other.secrets());
        mustNotCarry.removeAll(f.secrets());
      }
      check(
          e,
          c,
          x,
          f,
          f.id().toString(),
          allowed.get(e.key()),
          "/cases/" + f.id(),
          r,
          missing,
          missingId == null ? null : missingId.toString(),
          mustNotCarry,
          failures);
    }
  }

  /**
   * Every report or notice endpoint × every caller {@code who} takes × both reports; hidden callers
   * (and allowed ones, once) also ask for an id that does not exist.
   */
  private List<String> reportMatrix(List<Endpoint> endpoints, BiPredicate<Caller, Expect> who) {
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints) {
      for (Filed f : List.of(r1, r2)) {
        Filed other = f == r1 ? r2 : r1;
        UUID id = f.idFor(e);
        String home = (e.pattern().startsWith("/portal/") ? "/portal" : "/support") + "/reports/";
        for (Caller c : CALLERS) {
          Expect x = expect(e, c, f);
          if (!who.test(c, x)) {
            continue;
          }
          Reply r = send(e.method(), fillReport(e, id), c, !e.api(), body(e, c, f));
          UUID missingId =
              x == Expect.HIDDEN || (x == Expect.ALLOWED && f == r1) ? UUID.randomUUID() : null;
          Reply missing =
              missingId == null
                  ? null
                  : send(e.method(), fillReport(e, missingId), c, !e.api(), body(e, c, f));
          // Nothing of the other report, whoever asks; of this one, nothing the caller may not see.
          Set<String> mustNotCarry = new HashSet<>(other.secrets());
          mustNotCarry.addAll(hiddenFrom(c, f));
          check(
              e,
              c,
              x,
              f,
              id.toString(),
              REPORT_ENDPOINTS.get(e.key()),
              home + f.id(),
              r,
              missing,
              missingId == null ? null : missingId.toString(),
              mustNotCarry,
              failures);
        }
      }
    }
    return failures;
  }

  /**
   * The endpoints that name no report × every caller {@code who} takes. Replies carry nothing of a
   * report the caller may not see.
   */
  private List<String> unscopedPortalMatrix(List<Endpoint> endpoints, Predicate<Expect> who) {
    List<String> failures = new ArrayList<>();
    Target none = new Named("no report", Set.of());
    for (Endpoint e : endpoints) {
      for (Caller c : CALLERS) {
        Expect x = expect(e, c, null);
        if (!who.test(x)) {
          continue;
        }
        int allowed =
            e.key().equals("GET /portal") && staff(c) ? 302 : PORTAL_UNSCOPED.get(e.key());
        String home =
            switch (e.key()) {
              case "GET /portal" -> "/support";
              case "POST /portal/reports" -> "/portal/reports/";
              case "POST /register" -> "/login?registered";
              default -> null;
            };
        Reply r = send(e.method(), e.pattern(), c, !e.api(), body(e, c, null));
        Set<String> mustNotCarry = new HashSet<>(hiddenFrom(c, r1));
        mustNotCarry.addAll(hiddenFrom(c, r2));
        check(e, c, x, none, "", allowed, home, r, null, null, mustNotCarry, failures);
      }
    }
    return failures;
  }

  /** The state of everything a request on the portal, the desk or the platform API may change. */
  private Map<String, String> snapshot() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String table :
        List.of(
            "users",
            "reports",
            "report_links",
            "report_hashes",
            "report_faces",
            "report_notes",
            "report_events",
            "report_matches",
            "notices",
            "statements_of_reasons",
            "audit")) {
      out.put(
          table,
          jdbc.sql(
                  "select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by"
                      + " t::text)), '') from "
                      + table
                      + " t")
              .query(String.class)
              .single());
    }
    return out;
  }

  // ---- the tests ----

  @AfterAll
  void size() {
    System.out.printf(
        "access matrix: %d case + %d scan endpoints x %d callers x 2 cases, %d report/notice"
            + " endpoints x %d callers x 2 reports, %d + %d unscoped endpoints: %d requests%n",
        CASE_ENDPOINTS.size(),
        SCAN_ENDPOINTS.size(),
        CALLERS.size(),
        REPORT_ENDPOINTS.size(),
        CALLERS.size(),
        UNSCOPED.size(),
        PORTAL_UNSCOPED.size(),
        requests);
  }

  @Test
  @Order(0)
  void everyEndpointIsInTheMatrix() {
    List<String> uncovered = new ArrayList<>();
    Set<String> found = new HashSet<>();
    for (Endpoint e : endpoints()) {
      found.add(e.key());
      if (!CASE_ENDPOINTS.containsKey(e.key())
          && !SCAN_ENDPOINTS.containsKey(e.key())
          && !UNSCOPED.contains(e.key())
          && !REPORT_ENDPOINTS.containsKey(e.key())
          && !PORTAL_UNSCOPED.containsKey(e.key())) {
        uncovered.add("endpoint " + e.key() + " is not covered by the access matrix");
      } else if (REPORT_ENDPOINTS.containsKey(e.key()) || PORTAL_UNSCOPED.containsKey(e.key())) {
        // Each has a rule (this throws for one that has none).
        expect(e, ADMIN, null);
      }
    }
    assertThat(uncovered).isEmpty();
    // And the matrix names no endpoint that is gone.
    assertThat(found).containsAll(CASE_ENDPOINTS.keySet()).containsAll(SCAN_ENDPOINTS.keySet());
    assertThat(found).containsAll(UNSCOPED);
    assertThat(found).containsAll(REPORT_ENDPOINTS.keySet()).containsAll(PORTAL_UNSCOPED.keySet());
  }

  @Test
  @Order(1)
  void everyCaseEndpointForEveryRoleAndCase() {
    List<Endpoint> gets = caseEndpoints("GET");
    assertThat(gets).hasSizeGreaterThan(25);
    List<String> failures = matrix(gets, CASE_ENDPOINTS, List.of(a, b), (c, f) -> true, null);
    assertThat(failures).isEmpty();
  }

  @Test
  @Order(2)
  void aScanIsSeenByItsStarterAndAdminsOnly() {
    List<Endpoint> scans =
        endpoints().stream().filter(e -> SCAN_ENDPOINTS.containsKey(e.key())).toList();
    assertThat(scans).hasSize(SCAN_ENDPOINTS.size());
    assertThat(
            matrix(scans, SCAN_ENDPOINTS, List.of(a.scanned(), b.scanned()), (c, f) -> true, null))
        .isEmpty();
  }

  @Test
  @Order(3)
  void listsShowOnlyTheCallersCasesAndScans() {
    for (boolean page : List.of(false, true)) {
      String list = page ? "/cases" : "/api/v1/cases";
      Map<Caller, Set<Fixture>> sees = Map.of(ADMIN, Set.of(a, b), INA, Set.of(a), INB, Set.of(b));
      for (Caller c : CALLERS) {
        Reply r = send("GET", list, c, page);
        if (sees.containsKey(c)) {
          assertThat(r.status()).as(r + " as " + c).isEqualTo(200);
          for (Fixture f : List.of(a, b)) {
            if (sees.get(c).contains(f)) {
              assertThat(r.text()).as(r + " as " + c).contains(f.id().toString(), f.title());
            } else {
              assertThat(r.text())
                  .as(r + " as " + c)
                  .doesNotContain(f.id().toString())
                  .doesNotContain(f.title());
            }
          }
        } else if (c.anonymous()) {
          assertThat(r.status()).as(r + " as " + c).isEqualTo(page ? 302 : 401);
        } else {
          assertThat(r.status()).as(r + " as " + c).isEqualTo(403);
          assertThat(leaked(r, a.secrets())).isEmpty();
          assertThat(leaked(r, b.secrets())).isEmpty();
        }
      }
    }
    // The scans page lists one's own scans only (an admin's, all of them).
    Reply ina = send("GET", "/scans", INA, true);
    assertThat(ina.status()).isEqualTo(200);
    assertThat(ina.text()).contains(a.scan().toString()).doesNotContain(b.scan().toString());
    assertThat(send("GET", "/scans", ADMIN, true).text())
        .contains(a.scan().toString(), b.scan().toString());
    for (Caller c : List.of(SUPPORT, PLATFORM, PLATFORM2, VICTIM, VICTIM2)) {
      assertThat(send("GET", "/scans", c, true).status()).isEqualTo(403);
    }
    assertThat(send("GET", "/scans", ANONYMOUS, true).status()).isEqualTo(302);
    // The start page sends each role to its work; platforms, who work through the API, get a page.
    Map<UserRole, String> start =
        Map.of(
            UserRole.ADMIN, "/cases",
            UserRole.INVESTIGATOR, "/cases",
            UserRole.SUPPORT_STAFF, "/support",
            UserRole.VICTIM, "/portal");
    for (Caller c : CALLERS) {
      Reply home = send("GET", "/", c, true);
      if (c.anonymous() || c.role() != UserRole.PLATFORM) {
        assertThat(home.status()).as(home + " as " + c).isEqualTo(302);
        assertThat(home.location())
            .as(home + " as " + c)
            .endsWith(c.anonymous() ? "/login" : start.get(c.role()));
      } else {
        assertThat(home.status()).as(home + " as " + c).isEqualTo(200);
        assertThat(leaked(home, a.secrets())).isEmpty();
        assertThat(leaked(home, b.secrets())).isEmpty();
        assertThat(leaked(home, hiddenFrom(c, r1))).isEmpty();
        assertThat(leaked(home, hiddenFrom(c, r2))).isEmpty();
      }
    }
    // Nor can they start one.
    for (Caller c : List.of(SUPPORT, PLATFORM, VICTIM, ANONYMOUS)) {
      assertThat(send("POST", "/api/v1/scans", c, false).status())
          .as("POST /api/v1/scans as " + c)
          .isEqualTo(c.anonymous() ? 401 : 403);
      assertThat(send("POST", "/scans", c, true).status()).as("POST /scans as " + c).isEqualTo(403);
    }
  }

  @Test
  @Order(4)
  void searchResultsNeverCrossCases() {
    for (Fixture f : List.of(a, b)) {
      Fixture other = f == a ? b : a;
      for (Caller c : List.of(f.owner(), ADMIN)) {
        String api = "/api/v1/cases/" + f.id() + "/search?q=";
        Reply own = send("GET", api + f.word(), c, false);
        assertThat(own.status()).as(own + " as " + c).isEqualTo(200);
        assertThat(own.text()).as(own + " as " + c).contains("<mark>" + f.word() + "</mark>");
        Reply cross = send("GET", api + other.word(), c, false);
        assertThat(cross.status()).isEqualTo(200);
        assertThat(cross.text()).as(cross + " as " + c).isEqualTo("[]");
        // Every hit is in a room of this case.
        Reply plain = send("GET", api + "plain&limit=200", c, false);
        Matcher rooms = Pattern.compile("\"room\":\"([^\"]+)\"").matcher(plain.text());
        int hits = 0;
        while (rooms.find()) {
          hits++;
          assertThat(f.secrets()).as(plain.path()).contains(rooms.group(1));
          assertThat(other.secrets()).as(plain.path()).doesNotContain(rooms.group(1));
        }
        assertThat(hits).isPositive();

        String ui = "/cases/" + f.id() + "/search?q=";
        assertThat(send("GET", ui + f.word(), c, true).text())
            .contains("<mark>" + f.word() + "</mark>");
        Reply uiCross = send("GET", ui + other.word(), c, true);
        assertThat(uiCross.status()).isEqualTo(200);
        assertThat(uiCross.text()).doesNotContain("<mark>" + other.word() + "</mark>");
      }
      // The other investigator cannot search it at all.
      Caller stranger = f == a ? INB : INA;
      assertThat(
              send("GET", "/api/v1/cases/" + f.id() + "/search?q=" + f.word(), stranger, false)
                  .status())
          .isEqualTo(404);
    }
  }

  @Test
  @Order(5)
  void anotherCasesIdsAreNotFoundInOnesOwnCase() {
    // ina asks for B's room, account, file and flag inside her own case A.
    Fixture mixed =
        new Fixture(
            "case A with B's ids",
            a.id(),
            a.scan(),
            a.title(),
            a.word(),
            INA,
            b.account(),
            b.room(),
            b.sha256(),
            b.claimAccount(),
            b.role(),
            b.flag(),
            Set.of());
    List<String> failures = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      if (!CASE_ENDPOINTS.containsKey(e.key())
          || !e.method().equals("GET")
          || !VARIABLE.matcher(e.pattern().replaceFirst("\\{(caseId|id)}", "")).find()
          || e.pattern().endsWith("{name}")) {
        continue;
      }
      Reply r = send("GET", fill(e, a.id(), mixed, null), INA, !e.api());
      if (r.status() != 404) {
        failures.add(r + ": expected 404 for another case's value " + snippet(r));
      }
      Set<String> others = new HashSet<>(b.secrets());
      others.removeAll(a.secrets());
      List<String> l = leaked(r, others);
      if (!l.isEmpty()) {
        failures.add(r + ": carries case B's " + l);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  @Order(6)
  void aReportIsSeenByItsOwnerTheStaffAndANoticeByItsPlatform() {
    List<Endpoint> gets =
        endpoints().stream()
            .filter(e -> REPORT_ENDPOINTS.containsKey(e.key()) && e.method().equals("GET"))
            .toList();
    assertThat(gets).hasSize(10);
    assertThat(reportMatrix(gets, (c, x) -> true)).isEmpty();
  }

  @Test
  @Order(7)
  void portalListsShowOnlyTheCallersOwn() {
    List<Endpoint> gets =
        endpoints().stream()
            .filter(e -> PORTAL_UNSCOPED.containsKey(e.key()) && e.method().equals("GET"))
            .toList();
    assertThat(gets).hasSize(8);
    assertThat(unscopedPortalMatrix(gets, x -> true)).isEmpty();
    // Each victim's list holds her report (the other's is checked for above), each platform's its
    // sent notice, the support queue both.
    for (Filed f : List.of(r1, r2)) {
      assertThat(send("GET", "/portal", f.owner(), true).text()).contains(f.reference());
      assertThat(send("GET", "/api/v1/reports", f.owner(), false).text())
          .contains(f.id().toString(), f.reference());
      assertThat(send("GET", "/api/v1/platform/notices", f.platform(), false).text())
          .contains(f.notice().toString());
      for (Caller c : List.of(SUPPORT, ADMIN)) {
        assertThat(send("GET", "/support", c, true).text()).contains(f.reference());
      }
    }
    // A platform login tied to no platform sees no notice at all.
    Caller loose = new Caller("ploose", UserRole.PLATFORM);
    tokens.put(loose.name(), service.login(loose.name(), loose.role()));
    for (String path :
        List.of("/api/v1/platform/notices", "/api/v1/platform/notices/" + r1.notice())) {
      Reply r = send("GET", path, loose, false);
      assertThat(r.status()).as(r.toString()).isEqualTo(403);
      assertThat(leaked(r, r1.secrets())).isEmpty();
    }
  }

  @Test
  @Order(9)
  void decisionsOnlyByThoseWhoMaySeeTheCase() {
    List<Endpoint> posts = caseEndpoints("POST");
    assertThat(posts).hasSize(5);
    // Everyone who may not decide tries first: nothing may change.
    List<String> failures =
        matrix(
            posts,
            CASE_ENDPOINTS,
            List.of(a, b),
            (c, f) -> expect(c, f.owner()) != Expect.ALLOWED,
            "confirm");
    assertThat(failures).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from role_claims where decision is not null")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from flag_decisions").query(Long.class).single()).isZero();
    assertThat(
            jdbc.sql("select count(*) from audit where action = 'media_revealed'")
                .query(Long.class)
                .single())
        .isZero();

    // Then the owner and an admin: the API answers 200, a page's form a redirect back (a reveal,
    // the page with the picture).
    failures =
        matrix(
            posts,
            CASE_ENDPOINTS,
            List.of(a, b),
            (c, f) -> expect(c, f.owner()) == Expect.ALLOWED,
            "reject");
    assertThat(failures).isEmpty();
    assertThat(
            jdbc.sql(
                    "select distinct c.case_id::text || ' ' || c.decided_by from role_claims c"
                        + " where c.decision is not null")
                .query(String.class)
                .set())
        .allSatisfy(
            s ->
                assertThat(s)
                    .isIn(
                        a.id() + " " + INA.name(),
                        a.id() + " " + ADMIN.name(),
                        b.id() + " " + INB.name(),
                        b.id() + " " + ADMIN.name()));
    assertThat(jdbc.sql("select distinct decided_by from flag_decisions").query(String.class).set())
        .isSubsetOf(Set.of(INA.name(), INB.name(), ADMIN.name()));
    // Each case's pictures revealed by its owner and the admin only, with and without confirm.
    assertThat(
            jdbc.sql(
                    "select case_id::text || ' ' || actor || ' ' || target || ' ' || count(*)"
                        + " from audit where action = 'media_revealed'"
                        + " group by case_id, actor, target")
                .query(String.class)
                .set())
        .containsExactlyInAnyOrder(
            a.id() + " " + INA.name() + " " + a.sha256() + " 2",
            a.id() + " " + ADMIN.name() + " " + a.sha256() + " 2",
            b.id() + " " + INB.name() + " " + b.sha256() + " 2",
            b.id() + " " + ADMIN.name() + " " + b.sha256() + " 2");
  }

  @Test
  @Order(10)
  void aBrowserSessionDecidesOnlyWithItsCsrfToken() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager())
            .build();
    String login = browse(browser, "GET", "/login", null, null).body();
    HttpResponse<String> in =
        browse(
            browser,
            "POST",
            "/login",
            "username=ina&password=ina-password-1&_csrf=" + csrf(login),
            null);
    assertThat(in.statusCode()).isEqualTo(302);
    assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String flags = "/cases/" + a.id() + "/flags";
    String token = csrf(browse(browser, "GET", flags, null, null).body());
    String api = "/api/v1/cases/" + a.id() + "/flags/" + a.flag() + "/confirm";
    String page = flags + "/" + a.flag() + "/confirm";

    // The session cookie alone decides nothing, on the API or on a page.
    assertThat(browse(browser, "POST", api, "", null).statusCode()).isEqualTo(403);
    assertThat(browse(browser, "POST", page, "", null).statusCode()).isEqualTo(403);
    assertThat(flagDecision(a)).isEqualTo("rejected");
    // With the page's token it does.
    assertThat(browse(browser, "POST", api, "", token).statusCode()).isEqualTo(200);
    assertThat(flagDecision(a)).isEqualTo("confirmed");
    HttpResponse<String> back =
        browse(browser, "POST", flags + "/" + a.flag() + "/reject", "_csrf=" + token, null);
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(flagDecision(a)).isEqualTo("rejected");
    // And the session is ina's: B does not exist for it.
    assertThat(browse(browser, "GET", "/cases/" + b.id(), null, null).statusCode()).isEqualTo(404);
    assertThat(
            browse(
                    browser,
                    "POST",
                    "/api/v1/cases/" + b.id() + "/flags/" + b.flag() + "/confirm",
                    "",
                    token)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(11)
  void portalPostsOnlyByThoseAllowed() throws Exception {
    List<Endpoint> posts =
        endpoints().stream()
            .filter(e -> PORTAL_UNSCOPED.containsKey(e.key()) && e.method().equals("POST"))
            .toList();
    assertThat(posts).hasSize(3);
    // Those who may not try first: nothing may change.
    Map<String, String> before = snapshot();
    assertThat(unscopedPortalMatrix(posts, x -> x != Expect.ALLOWED)).isEmpty();
    assertThat(snapshot()).isEqualTo(before);

    assertThat(unscopedPortalMatrix(posts, x -> x == Expect.ALLOWED)).isEmpty();
    // Each filed report is its filer's; registration makes victims' logins only.
    assertThat(
            jdbc.sql(
                    "select owner || ': ' || what_happened from reports"
                        + " where what_happened like 'Filed by %'")
                .query(String.class)
                .list())
        .containsExactlyInAnyOrder(
            Stream.of(ADMIN, SUPPORT, VICTIM, VICTIM2)
                .map(c -> c.name() + ": Filed by " + c.name())
                .toArray(String[]::new));
    assertThat(
            jdbc.sql("select distinct role from users where username like 'new-%'")
                .query(String.class)
                .set())
        .containsExactly("victim");
    // A platform's hash check says whether, never whose.
    for (Caller p : List.of(PLATFORM, PLATFORM2)) {
      Endpoint match = new Endpoint("POST", "/api/v1/platform/match", false);
      Reply r = send("POST", match.pattern(), p, false, body(match, p, null));
      assertThat(r.text()).as(r.toString()).contains("\"match\":true");
      assertThat(leaked(r, r1.secrets())).isEmpty();
    }

    // An anonymous browser registers with the form's token.
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new java.net.CookieManager())
            .build();
    String form = browse(browser, "GET", "/register", null, null).body();
    HttpResponse<String> registered =
        browse(
            browser,
            "POST",
            "/register",
            "username=new-browser&password=a-long-password&repeat=a-long-password&_csrf="
                + csrf(form),
            null);
    assertThat(registered.statusCode()).isEqualTo(302);
    assertThat(registered.headers().firstValue("Location").orElse(""))
        .endsWith("/login?registered");
    assertThat(
            jdbc.sql("select role from users where username = 'new-browser'")
                .query(String.class)
                .single())
        .isEqualTo("victim");
  }

  @Test
  @Order(12)
  void reportAndNoticePostsOnlyByThoseAllowed() {
    List<Endpoint> posts =
        endpoints().stream()
            .filter(e -> REPORT_ENDPOINTS.containsKey(e.key()) && !e.method().equals("GET"))
            .toList();
    assertThat(posts).hasSize(12);
    Map<String, Long> hashes = new LinkedHashMap<>();
    Map<String, Long> drafted = new LinkedHashMap<>();
    for (Filed f : List.of(r1, r2)) {
      hashes.put(f.name(), count("report_hashes", f.id()));
      drafted.put(f.name(), count("notices", f.id()));
    }
    // Those who may not try first: nothing may change.
    Map<String, String> before = snapshot();
    assertThat(reportMatrix(posts, (c, x) -> x != Expect.ALLOWED)).isEmpty();
    assertThat(snapshot()).isEqualTo(before);

    // Then the owner, the staff and the platform.
    assertThat(reportMatrix(posts, (c, x) -> x == Expect.ALLOWED)).isEmpty();
    for (Filed f : List.of(r1, r2)) {
      // Hashes by the owner, sam and root; notices drafted by sam and root; the draft sent.
      assertThat(count("report_hashes", f.id())).isEqualTo(hashes.get(f.name()) + 3);
      // Her face: added by her alone, then withdrawn (deleted) through the page's form.
      assertThat(count("report_faces", f.id())).isZero();
      assertThat(
              jdbc.sql(
                      "select actor || ' ' || action from audit where target = ?"
                          + " and action like 'face%' order by id")
                  .param(f.reference())
                  .query(String.class)
                  .list())
          .containsExactly(
              f.owner().name() + " faces_withdrawn",
              f.owner().name() + " face_enrolled",
              f.owner().name() + " faces_withdrawn");
      assertThat(count("notices", f.id())).isEqualTo(drafted.get(f.name()) + 2);
      assertThat(
              jdbc.sql("select author from report_notes where report_id = ?")
                  .param(f.id())
                  .query(String.class)
                  .set())
          .isEqualTo(Set.of(SUPPORT.name(), ADMIN.name()));
      assertThat(
              jdbc.sql("select sent_at is not null from notices where id = ?")
                  .param(f.draft())
                  .query(Boolean.class)
                  .single())
          .isTrue();
      assertThat(
              jdbc.sql(
                      "select platform || ' ' || recorded_by from statements_of_reasons"
                          + " where notice_id = ?")
                  .param(f.notice())
                  .query(String.class)
                  .list())
          .containsExactly(f.organisation() + " " + f.platform().name());
    }
  }

  private long count(String table, UUID report) {
    return jdbc.sql("select count(*) from " + table + " where report_id = ?")
        .param(report)
        .query(Long.class)
        .single();
  }

  private String flagDecision(Fixture f) {
    return jdbc.sql(
            "select d.decision from flag_decisions d join flags g on g.case_id = d.case_id"
                + " and g.chat_key = d.chat_key and coalesce(g.message_id, -1) = d.message_id"
                + " and g.category = d.category and g.rule = d.rule where g.id = ?")
        .param(f.flag())
        .query(String.class)
        .single();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }

  /** A browser's request: its cookies, a form body when {@code form != null}. */
  private HttpResponse<String> browse(
      HttpClient browser, String method, String path, String form, String csrfHeader)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .method(
                method,
                form == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      r.header("Content-Type", "application/x-www-form-urlencoded");
    }
    if (csrfHeader != null) {
      r.header("X-CSRF-TOKEN", csrfHeader);
    }
    requests++;
    return browser.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }
}
