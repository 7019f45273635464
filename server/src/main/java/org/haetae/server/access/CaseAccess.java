package org.haetae.server.access;

import java.util.UUID;
import org.haetae.server.users.UserStore;
import org.springframework.http.HttpStatus;
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

  public CaseAccess(UserStore users) {
    this.users = users;
  }

  public void check(Authentication who, UUID caseId) {
    if (!allowed(who, caseId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
    }
  }

  public boolean allowed(Authentication who, UUID caseId) {
    if (Roles.isAdmin(who)) {
      return true;
    }
    return Roles.investigates(who) && users.assigned(caseId, who.getName());
  }
}
