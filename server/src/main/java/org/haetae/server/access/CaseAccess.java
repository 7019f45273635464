package org.haetae.server.access;

import java.util.UUID;
import org.haetae.server.users.UserStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case-level access, checked in the service layer for every request that names a case. A case the
 * caller may not see answers exactly like a case that does not exist, so ids cannot be probed.
 */
@Service
public class CaseAccess {
  private final UserStore users;
  private final JdbcClient jdbc;

  public CaseAccess(UserStore users, JdbcClient jdbc) {
    this.users = users;
    this.jdbc = jdbc;
  }

  public void check(Authentication who, UUID caseId) {
    // An assignment implies the case exists; an admin's access does not, so a case that does not
    // exist is checked for, lest a list of it answer 200 and empty.
    if (!allowed(who, caseId) || (Roles.isAdmin(who) && !exists(caseId))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
    }
  }

  private boolean exists(UUID caseId) {
    return jdbc.sql("select count(*) from cases where id = ?")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean allowed(Authentication who, UUID caseId) {
    if (Roles.isAdmin(who)) {
      return true;
    }
    return Roles.investigates(who) && users.assigned(caseId, who.getName());
  }
}
