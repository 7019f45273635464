package org.haetae.server.access;

import java.util.UUID;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.UserStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case-level access, checked for every request that names a case: {@link #open} hands out the
 * {@link OpenCase} every case service asks for. A case the caller may not see answers exactly like
 * a case that does not exist, so ids cannot be probed.
 */
@Service
public class CaseAccess {
  private final UserStore users;
  private final CaseReads cases;
  private final AuditLog audit;

  public CaseAccess(UserStore users, CaseReads cases, AuditLog audit) {
    this.users = users;
    this.cases = cases;
    this.audit = audit;
  }

  /**
   * The case, when {@code who} may see it.
   *
   * @throws ResponseStatusException 404 when the case does not exist or is not the caller's
   */
  public OpenCase open(Authentication who, UUID caseId) {
    if (!allowed(who, caseId)) {
      throw noSuchCase();
    }
    // An admin's access does not imply that the case exists: the lookup answers that.
    CaseReads.Location at = cases.locate(caseId).orElseThrow(CaseAccess::noSuchCase);
    return new OpenCase(caseId, at.title(), at.folder(), who.getName(), audit);
  }

  /** Whether {@code who} may see the case, if it exists: for filtering lists of cases. */
  public boolean allowed(Authentication who, UUID caseId) {
    if (Roles.isAdmin(who)) {
      return true;
    }
    return Roles.investigates(who) && users.assigned(caseId, who.getName());
  }

  private static ResponseStatusException noSuchCase() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such case");
  }
}
