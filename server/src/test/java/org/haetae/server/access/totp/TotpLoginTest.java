package org.haetae.server.access.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haetae.server.ServiceClient;
import org.haetae.server.ServiceTest;
import org.haetae.server.access.ApiTokens;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second factor over real HTTP against the real (embedded) PostgreSQL: the login form with and
 * without a code, replays, HTTP Basic, API tokens, and the throttle counting wrong codes.
 */
@ServiceTest
class TotpLoginTest {
  @Autowired ServiceClient service;
  @Autowired UserStore users;
  @Autowired SecondFactors totp;
  @Autowired ApiTokens tokens;
  @Autowired JdbcClient jdbc;

  /** The answer to a login form, and the client (with its session cookie) that sent it. */
  record Login(int status, String location, HttpClient client) {
    boolean succeeded() {
      return status == 302 && !location.isEmpty() && !location.contains("/login?error");
    }

    boolean refused() {
      return status == 302 && location.contains("/login?error");
    }
  }

  private URI uri(String path) {
    return service.uri(path);
  }

  /** Opens the login page in a fresh browser session, then posts its form. */
  private Login formLogin(String user, String password, String code) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> page =
        client.send(HttpRequest.newBuilder(uri("/login")).build(), bodyAsString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String form =
        "username="
            + enc(user)
            + "&password="
            + enc(password)
            + (code == null ? "" : "&totp=" + enc(code))
            + "&_csrf="
            + enc(csrf(page.body()));
    HttpResponse<String> res =
        client.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            bodyAsString());
    return new Login(res.statusCode(), res.headers().firstValue("Location").orElse(""), client);
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The value of the {@code _csrf} input of any page, whatever the order of its attributes. */
  static String csrf(String html) {
    Matcher input = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
    while (input.find()) {
      String tag = input.group();
      if ("_csrf".equals(attribute(tag, "name"))) {
        String value = attribute(tag, "value");
        if (value != null) {
          return value;
        }
      }
    }
    throw new AssertionError("no _csrf input in the login page:\n" + html);
  }

  private static String attribute(String tag, String name) {
    Matcher m =
        Pattern.compile(
                "\\s" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))",
                Pattern.CASE_INSENSITIVE)
            .matcher(tag);
    if (!m.find()) {
      return null;
    }
    String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return unescape(v);
  }

  /** Undoes the HTML escapes a template engine may put into an attribute value. */
  private static String unescape(String v) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(v);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int c = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      m.appendReplacement(sb, Matcher.quoteReplacement(Character.toString(c)));
    }
    m.appendTail(sb);
    return sb.toString()
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  @Test
  void csrfIsFoundInEitherAttributeOrder() {
    assertThat(csrf("<form><input type=\"hidden\" name=\"_csrf\" value=\"a-b_c\" /></form>"))
        .isEqualTo("a-b_c");
    assertThat(csrf("<input name='x' value='no'><input value=\"t&#61;1\" name=\"_csrf\">"))
        .isEqualTo("t=1");
  }

  private int basic(String path, String user, String password) throws Exception {
    return service.call("GET", path).basic(user, password).send().statusCode();
  }

  private int bearer(String path, String token) throws Exception {
    return service.call("GET", path).token(token).send().statusCode();
  }

  private static long now() {
    return Totp.step(Instant.now());
  }

  /** A six-digit code that is valid at no step near now. */
  private static String wrongCode(byte[] secret) {
    for (int i = 0; ; i++) {
      String c = String.format(java.util.Locale.ROOT, "%06d", i);
      if (Totp.verify(secret, c, now(), 3).isEmpty()) {
        return c;
      }
    }
  }

  @Test
  void theLoginFormWantsAValidUnusedCodeFromThoseWhoHaveASecondFactor() throws Exception {
    users.put("plain", "plain-password-1", UserRole.INVESTIGATOR);
    users.put("guarded", "guarded-password-1", UserRole.INVESTIGATOR);
    String shown = totp.enable("guarded");
    byte[] secret = Totp.fromBase32(shown);
    assertThat(secret).hasSize(20);
    assertThat(
            jdbc.sql("select totp_secret from users where username = 'guarded'")
                .query(String.class)
                .single())
        .isEqualTo(shown);

    // Without a second factor, the password alone, as before; the session then reaches the API.
    Login plain = formLogin("plain", "plain-password-1", null);
    assertThat(plain.succeeded()).as(plain.toString()).isTrue();
    assertThat(
            plain
                .client()
                .send(HttpRequest.newBuilder(uri("/api/v1/cases")).build(), bodyAsString())
                .statusCode())
        .isEqualTo(200);

    // With one: no code, a wrong code, and the right code with a wrong password are all refused.
    assertThat(formLogin("guarded", "guarded-password-1", null).refused()).isTrue();
    assertThat(formLogin("guarded", "guarded-password-1", "").refused()).isTrue();
    assertThat(formLogin("guarded", "guarded-password-1", wrongCode(secret)).refused()).isTrue();
    long step = now();
    String code = Totp.code(secret, step, 6);
    assertThat(formLogin("guarded", "wrong-password-1", code).refused()).isTrue();

    // The right code with the password gets in (the wrong password did not spend it)...
    Login in = formLogin("guarded", "guarded-password-1", code);
    assertThat(in.succeeded()).as(in.toString()).isTrue();
    assertThat(
            in.client()
                .send(HttpRequest.newBuilder(uri("/api/v1/cases")).build(), bodyAsString())
                .statusCode())
        .isEqualTo(200);
    // ...once: the same code again is a replay.
    assertThat(formLogin("guarded", "guarded-password-1", code).refused()).isTrue();
    // The next step's code (a clock a little ahead) is good, and after it the older one is not.
    assertThat(
            formLogin("guarded", "guarded-password-1", Totp.code(secret, step + 1, 6)).succeeded())
        .isTrue();
    assertThat(formLogin("guarded", "guarded-password-1", Totp.code(secret, step, 6)).refused())
        .isTrue();
    // Both good logins are audited as logins.
    assertThat(
            jdbc.sql("select count(*) from audit where actor = 'guarded' and action = 'login'")
                .query(Long.class)
                .single())
        .isEqualTo(2);

    // HTTP Basic has no place for a code: refused for this user, even with the right password.
    assertThat(basic("/api/v1/cases", "guarded", "guarded-password-1")).isEqualTo(401);
    assertThat(basic("/api/v1/cases", "plain", "plain-password-1")).isEqualTo(200);
    // API tokens act as their user as before.
    assertThat(bearer("/api/v1/cases", tokens.issue("guarded", "script"))).isEqualTo(200);

    // Turned off, the password alone is enough again, in the form and over Basic.
    assertThat(totp.disable("guarded")).isTrue();
    assertThat(totp.disable("guarded")).isFalse();
    assertThat(formLogin("guarded", "guarded-password-1", null).succeeded()).isTrue();
    assertThat(basic("/api/v1/cases", "guarded", "guarded-password-1")).isEqualTo(200);
  }

  @Test
  void wrongCodesCountTowardTheThrottleLikeWrongPasswords() throws Exception {
    users.put("guesser", "guesser-password-1", UserRole.ADMIN);
    byte[] secret = Totp.fromBase32(totp.enable("guesser"));
    for (int i = 0; i < 5; i++) {
      assertThat(formLogin("guesser", "guesser-password-1", wrongCode(secret)).refused()).isTrue();
    }
    Login locked =
        formLogin("guesser", "guesser-password-1", Totp.code(secret, now(), Totp.DIGITS));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit where actor = 'guesser' and action = 'login_failed'")
                .query(Long.class)
                .single())
        .isEqualTo(5);
  }

  @Test
  void onlyInvestigatorsAndAdminsCanHaveASecondFactor() {
    users.put("staff", "staff-password-1", UserRole.SUPPORT_STAFF);
    assertThatThrownBy(() -> totp.enable("staff")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> totp.enable("nobody")).isInstanceOf(IllegalArgumentException.class);
    assertThat(totp.enabled("staff")).isFalse();
    assertThat(totp.role("staff")).contains(UserRole.SUPPORT_STAFF);
    assertThat(totp.role("nobody")).isEmpty();
  }
}
