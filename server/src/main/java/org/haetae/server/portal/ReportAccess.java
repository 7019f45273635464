package org.haetae.server.portal;

import java.util.UUID;
import org.haetae.server.access.Roles;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.users.UserRole;
import org.haetae.server.web.Missing;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who may see a report: the person who filed it, support staff and admins. Anyone else, another
 * victim above all, gets exactly what a report that does not exist gives.
 */
@Service
public class ReportAccess {
  private final ReportStore reports;

  public ReportAccess(ReportStore reports) {
    this.reports = reports;
  }

  /** The report, when the caller may see it; 404 otherwise. */
  public ReportStore.Report check(Authentication who, UUID id) {
    ReportStore.Report r = reports.find(id).orElseThrow(() -> Missing.no("report"));
    if (Roles.supports(who)
        || (Roles.is(who, UserRole.VICTIM) && r.owner().equals(who.getName()))) {
      return r;
    }
    throw Missing.no("report");
  }

  /** Support staff only (notes, triage, notices): others get 404 as for a missing report. */
  public ReportStore.Report checkStaff(Authentication who, UUID id) {
    ReportStore.Report r = check(who, id);
    if (!Roles.supports(who)) {
      throw Missing.no("report");
    }
    return r;
  }
}
