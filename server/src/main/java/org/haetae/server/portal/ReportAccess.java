package org.haetae.server.portal;

import java.util.UUID;
import org.haetae.server.access.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

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

  /** Support staff and admins work on every report. */
  public static boolean supports(Authentication who) {
    String r = Roles.of(who);
    return r.equals("support_staff") || r.equals("admin");
  }

  /** The report, when the caller may see it; 404 otherwise. */
  public ReportStore.Report check(Authentication who, UUID id) {
    ReportStore.Report r;
    try {
      r = reports.get(id);
    } catch (ResponseStatusException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report");
    }
    if (supports(who) || (Roles.of(who).equals("victim") && r.owner().equals(who.getName()))) {
      return r;
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report");
  }

  /** Support staff only (notes, triage, notices): others get 404 as for a missing report. */
  public ReportStore.Report checkStaff(Authentication who, UUID id) {
    ReportStore.Report r = check(who, id);
    if (!supports(who)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report");
    }
    return r;
  }
}
