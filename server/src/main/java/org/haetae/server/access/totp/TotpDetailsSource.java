package org.haetae.server.access.totp;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Gives form logins {@link TotpLoginDetails}, so the code typed into the form reaches {@link
 * TotpAuthenticationProvider}. HTTP Basic keeps Spring's own details source: it has no field for a
 * code, so a user with a second factor cannot log in that way.
 */
public final class TotpDetailsSource
    implements AuthenticationDetailsSource<HttpServletRequest, TotpLoginDetails> {
  @Override
  public TotpLoginDetails buildDetails(HttpServletRequest request) {
    return new TotpLoginDetails(request);
  }
}
