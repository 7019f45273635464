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
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.UserStore;
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

  private final UserStore users;
  private final LoginUsers logins;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(UserStore users, AuditLog audit) {
    this.users = users;
    this.logins = new LoginUsers(users);
    this.audit = audit;
  }

  /** Makes a token for {@code username}; the returned text is the only copy. */
  public String issue(String username, String label) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    users.addToken(sha256(token), username, label);
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
        token.startsWith(PREFIX) ? users.tokenUser(sha256(token)) : Optional.empty();
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
    UserDetails u = logins.loadUserByUsername(user.get());
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
