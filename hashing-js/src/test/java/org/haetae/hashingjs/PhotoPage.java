package org.haetae.hashingjs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's whole web: a JDK HTTP server on the loopback address serving the page with the file
 * input, the two scripts from the classpath (as the real server serves them), and {@code POST
 * /hashes}. It records every request that reaches it, body included, so the test can show what left
 * the browser.
 */
final class PhotoPage implements AutoCloseable {
  /** One request as it arrived. */
  record Request(String method, String path, byte[] body) {}

  static final String SCRIPTS = "/static/vendor/haetae/";

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();

  private PhotoPage(HttpServer server) {
    this.server = server;
  }

  static PhotoPage start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PhotoPage page = new PhotoPage(s);
    s.createContext("/", page::handle);
    s.start();
    return page;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized void forgetRequests() {
    requests.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      synchronized (this) {
        requests.add(new Request(ex.getRequestMethod(), path, body));
      }
      if (ex.getRequestMethod().equals("POST") && path.equals("/hashes")) {
        reply(ex, 204, null, null);
      } else if (path.equals("/")) {
        reply(ex, 200, "text/html; charset=utf-8", resource("hash-test.html"));
      } else if (path.startsWith("/vendor/haetae/") && path.endsWith(".js")) {
        String name = path.substring("/vendor/haetae/".length());
        byte[] script = name.contains("/") ? null : classpath(SCRIPTS + name);
        reply(ex, script == null ? 404 : 200, "text/javascript; charset=utf-8", script);
      } else {
        reply(ex, 404, null, null);
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private static byte[] resource(String name) {
    byte[] b = classpath("/org/haetae/hashingjs/" + name);
    if (b == null) {
      throw new IllegalStateException("test resource missing: " + name);
    }
    return b;
  }

  private static byte[] classpath(String path) {
    try (InputStream in = PhotoPage.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
