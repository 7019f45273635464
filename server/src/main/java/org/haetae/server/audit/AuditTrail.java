package org.haetae.server.audit;

import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;

/** Writes who did what: logins (good and failed), views, decisions. Never evidence content. */
@Service
public class AuditTrail {
  private final JdbcClient jdbc;

  public AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String actor, String action, UUID caseId, String target) {
    jdbc.sql("insert into audit (actor, action, case_id, target) values (?, ?, ?, ?)")
        .params(actor, action, caseId, target)
        .update();
  }

  @EventListener
  void loggedIn(AuthenticationSuccessEvent e) {
    record(e.getAuthentication().getName(), "login", null, null);
  }

  @EventListener
  void loginFailed(AbstractAuthenticationFailureEvent e) {
    record(String.valueOf(e.getAuthentication().getName()), "login_failed", null, null);
  }
}
