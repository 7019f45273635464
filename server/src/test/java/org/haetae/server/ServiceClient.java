package org.haetae.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.haetae.server.access.ApiTokens;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.springframework.core.env.Environment;

/**
 * Calls the service a {@link ServiceTest} started: logins with API tokens, and requests as a script
 * (JSON) or a browser (pages) sends them.
 */
public class ServiceClient {
  private final Environment env;
  private final UserStore users;
  private final ApiTokens tokens;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public ServiceClient(Environment env, UserStore users, ApiTokens tokens) {
    this.env = env;
    this.users = users;
    this.tokens = tokens;
  }

  /** The service's data folder. */
  public Path data() {
    return Path.of(env.getRequiredProperty("haetae.data-dir"));
  }

  /** The address of {@code path} on the running service. */
  public URI uri(String path) {
    return URI.create("http://localhost:" + env.getRequiredProperty("local.server.port") + path);
  }

  /**
   * Creates (or replaces) a login with the password {@code name + "-password-1"}.
   *
   * @return an API token for it
   */
  public String login(String name, UserRole role) {
    users.put(name, password(name), role);
    return tokens.issue(name, "test");
  }

  /** The password {@link #login} gives {@code name}. */
  public static String password(String name) {
    return name + "-password-1";
  }

  /** A request to build: {@code call("GET", "/api/v1/cases").token(t).send()}. */
  public Call call(String method, String path) {
    return new Call(method, path);
  }

  /** One request. */
  public final class Call {
    private final HttpRequest.Builder b;
    private final String method;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    Call(String method, String path) {
      this.method = method;
      this.b = HttpRequest.newBuilder(uri(path));
    }

    /** As the holder of an API token. */
    public Call token(String token) {
      b.header("Authorization", "Bearer " + token);
      return this;
    }

    /** With HTTP Basic credentials. */
    public Call basic(String user, String password) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    /** A JSON body (none when null). */
    public Call json(String json) {
      return body(json, "application/json");
    }

    /** A form's body (none when null). */
    public Call form(String form) {
      return body(form, "application/x-www-form-urlencoded");
    }

    private Call body(String text, String type) {
      if (text != null) {
        b.header("Content-Type", type);
        body = HttpRequest.BodyPublishers.ofString(text);
      }
      return this;
    }

    /** As a browser asks for a page, so errors come as pages. */
    public Call page() {
      b.header("Accept", "text/html");
      return this;
    }

    public HttpResponse<String> send() throws Exception {
      return http.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** For pictures and downloads. */
    public HttpResponse<byte[]> sendForBytes() throws Exception {
      return http.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
