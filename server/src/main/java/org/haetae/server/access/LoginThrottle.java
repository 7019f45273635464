package org.haetae.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one name within
 * {@link #WINDOW}, further attempts for that name are refused with 429 until the window has passed,
 * even with the right password, so a guesser learns nothing from the answer. A good login clears
 * the count.
 */
@Component
public class LoginThrottle extends OncePerRequestFilter {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @EventListener
  void failed(AbstractAuthenticationFailureEvent e) {
    String name = String.valueOf(e.getAuthentication().getName()).toLowerCase();
    Deque<Long> d = failures.computeIfAbsent(name, n -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(clock.millis());
      while (d.size() > MAX_FAILURES) {
        d.removeFirst();
      }
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent e) {
    failures.remove(e.getAuthentication().getName().toLowerCase());
  }

  boolean blocked(String name) {
    Deque<Long> d = name == null ? null : failures.get(name.toLowerCase());
    if (d == null) {
      return false;
    }
    synchronized (d) {
      long since = clock.millis() - WINDOW.toMillis();
      while (!d.isEmpty() && d.peekFirst() < since) {
        d.removeFirst();
      }
      return d.size() >= MAX_FAILURES;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (blocked(attemptedName(req))) {
      res.setStatus(429);
      res.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
      res.setContentType("application/problem+json");
      res.getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                  + "\"detail\":\"too many failed logins for this name; try again later\"}");
      return;
    }
    chain.doFilter(req, res);
  }

  /** The name a request tries to log in as: HTTP Basic, or the login form. */
  static String attemptedName(HttpServletRequest req) {
    String auth = req.getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if ("POST".equals(req.getMethod()) && "/login".equals(req.getServletPath())) {
      return req.getParameter("username");
    }
    return null;
  }
}
