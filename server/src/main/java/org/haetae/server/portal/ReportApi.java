package org.haetae.server.portal;

import java.util.List;
import java.util.UUID;
import org.haetae.server.access.Roles;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.ReportStore;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports as JSON, for the portal's script and for support centres' tools. The hashes endpoint
 * takes hashes only: the portal computes them on the victim's device.
 */
@RestController
public class ReportApi {
  private final Reports filing;
  private final ReportStore reports;
  private final ReportAccess access;
  private final ReuploadMonitor monitor;
  private final AuditLog audit;

  public ReportApi(
      Reports filing,
      ReportStore reports,
      ReportAccess access,
      ReuploadMonitor monitor,
      AuditLog audit) {
    this.filing = filing;
    this.reports = reports;
    this.access = access;
    this.monitor = monitor;
    this.audit = audit;
  }

  /** A report with its links, hashes and the history its owner sees. */
  public record Detail(
      ReportStore.Report report,
      List<ReportStore.Link> links,
      List<ReportStore.HashRow> hashes,
      List<ReportStore.Event> events) {}

  public record Added(int added, int newMatches) {}

  @GetMapping("/api/v1/reports")
  public List<ReportStore.Report> mine(Authentication who) {
    return reports.ofOwner(who.getName());
  }

  @GetMapping("/api/v1/reports/{id}")
  public Detail report(@PathVariable UUID id, Authentication who) {
    ReportStore.Report r = access.check(who, id);
    boolean staff = Roles.supports(who);
    if (staff) {
      audit.record(who.getName(), "view_report", null, r.reference());
    }
    return new Detail(r, reports.links(id), reports.hashes(id), reports.events(id, !staff));
  }

  @PostMapping("/api/v1/reports/{id}/hashes")
  public Added addHashes(
      @PathVariable UUID id, @RequestBody List<ReportStore.HashIn> hashes, Authentication who) {
    access.check(who, id);
    List<Long> added = filing.addHashes(id, hashes);
    return new Added(added.size(), monitor.checkAllCases(added));
  }

  @PostMapping("/api/v1/reports/{id}/hashes/withdraw")
  public Added withdraw(
      @PathVariable UUID id, @RequestParam(required = false) Long hash, Authentication who) {
    access.check(who, id);
    return new Added(-reports.withdrawHashes(id, hash), 0);
  }
}
