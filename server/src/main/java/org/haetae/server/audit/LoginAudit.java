package org.haetae.server.audit;

import org.haetae.server.storage.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every login, good or failed, goes into the audit trail under the name that was tried. */
@Component
public class LoginAudit {
  private final AuditLog audit;

  public LoginAudit(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void loggedIn(AuthenticationSuccessEvent e) {
    audit.record(e.getAuthentication().getName(), "login", null, null);
  }

  @EventListener
  void loginFailed(AbstractAuthenticationFailureEvent e) {
    audit.record(String.valueOf(e.getAuthentication().getName()), "login_failed", null, null);
  }
}
