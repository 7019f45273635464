package org.haetae.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.users.UserStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-user API tokens ({@code Authorization: Bearer hae_...}) for scripts and platforms. A token
 * acts as its user, with the user's role and cases; it is stored only as a SHA-256, shown once when
 * made, and can be revoked by deleting its row.
 */
@Component
public class ApiTokens extends OncePerRequestFilter {
  static final String PREFIX = "hae_";

  private final JdbcClient jdbc;
  private final UserStore users;
  private final AuditTrail audit;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(JdbcClient jdbc, UserStore users, AuditTrail audit) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
  }

  /** Makes a token for {@code username}; the returned text is the only copy. */
  public String issue(String username, String label) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    jdbc.sql("insert into api_tokens (token_sha256, username, label) values (?, ?, ?)")
        .params(sha256(token), username, label == null ? "" : label)
        .update();
    audit.record(username, "token_issued", null, label);
    return token;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String auth = req.getHeader("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(req, res);
      return;
    }
    String token = auth.substring(7).trim();
    Optional<String> user =
        token.startsWith(PREFIX)
            ? jdbc.sql(
                    // Last use is kept to the minute: writing it on every request would make a
                    // busy client's requests queue on one row.
                    "with t as (select username, last_used_at from api_tokens"
                        + " where token_sha256 = ?),"
                        + " touched as (update api_tokens set last_used_at = now()"
                        + " where token_sha256 = ? and (last_used_at is null"
                        + " or last_used_at < now() - interval '1 minute'))"
                        + " select username from t")
                .params(sha256(token), sha256(token))
                .query(String.class)
                .optional()
            : Optional.empty();
    if (user.isEmpty()) {
      audit.record("(token)", "login_failed", null, null);
      res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      res.setContentType("application/problem+json");
      res.getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                  + "\"detail\":\"unknown or revoked token\"}");
      return;
    }
    UserDetails u = users.loadUserByUsername(user.get());
    SecurityContext ctx = SecurityContextHolder.createEmptyContext();
    ctx.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities()));
    SecurityContextHolder.setContext(ctx);
    try {
      chain.doFilter(req, res);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
