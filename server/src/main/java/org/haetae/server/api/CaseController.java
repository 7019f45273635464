package org.haetae.server.api;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Cases and their ranked accounts; reviewers' decisions on roles. */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseController {
  static final int MAX_PAGE = 200;

  private final CaseStore cases;
  private final CaseAccess access;
  private final AuditTrail audit;

  public CaseController(CaseStore cases, CaseAccess access, AuditTrail audit) {
    this.cases = cases;
    this.access = access;
    this.audit = audit;
  }

  /** A page of items and where the next one starts. */
  public record Page<T>(List<T> items, int page, int size) {}

  public record Decision(String decision) {}

  @GetMapping
  public List<CaseStore.CaseRow> list(Authentication who) throws SQLException {
    return cases.cases().stream().filter(c -> access.allowed(who, c.id())).toList();
  }

  @GetMapping("/{caseId}/accounts")
  public Page<CaseStore.AccountRow> accounts(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who)
      throws SQLException {
    access.check(who, caseId);
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "page must be 0 or more and size 1.." + MAX_PAGE);
    }
    audit.record(who.getName(), "view_accounts", caseId, "page " + page);
    return new Page<>(cases.accounts(caseId, page * size, size), page, size);
  }

  @PostMapping("/{caseId}/accounts/{account}/roles/{role}/{decision}")
  public Decision decide(
      @PathVariable UUID caseId,
      @PathVariable String account,
      @PathVariable String role,
      @PathVariable String decision,
      Authentication who)
      throws SQLException {
    access.check(who, caseId);
    if (!decision.equals("confirm") && !decision.equals("reject")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "decision is confirm or reject");
    }
    Role r;
    try {
      r = Role.ofCode(role);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown role");
    }
    if (!cases.decide(caseId, account, r, decision.equals("confirm"), who.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such role claim");
    }
    return new Decision(decision.equals("confirm") ? "confirmed" : "rejected");
  }
}
