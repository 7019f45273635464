package org.haetae.server.access.totp;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the login form sent besides name and password: the optional one-time code (field {@value
 * #PARAMETER}). The code is transient and left out of {@link #toString}; after a successful login
 * the session keeps plain {@link WebAuthenticationDetails} (see {@link
 * TotpAuthenticationProvider}).
 */
public class TotpLoginDetails extends WebAuthenticationDetails {
  private static final long serialVersionUID = 1L;

  /** The login form's field for the code. */
  public static final String PARAMETER = "totp";

  private final transient String code;

  public TotpLoginDetails(HttpServletRequest request) {
    super(request);
    this.code = request.getParameter(PARAMETER);
  }

  /** The code as typed, or null if the form had none. */
  public String code() {
    return code;
  }

  WebAuthenticationDetails withoutCode() {
    return new WebAuthenticationDetails(getRemoteAddress(), getSessionId());
  }
}
