package org.haetae.server.api;

import java.util.List;
import java.util.UUID;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.Decision;
import org.haetae.server.storage.Reviews;
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

  private final CaseReads cases;
  private final AccountReads accounts;
  private final Reviews reviews;
  private final CaseAccess access;

  public CaseController(
      CaseReads cases, AccountReads accounts, Reviews reviews, CaseAccess access) {
    this.cases = cases;
    this.accounts = accounts;
    this.reviews = reviews;
    this.access = access;
  }

  /** A page of items and where the next one starts. */
  public record Page<T>(List<T> items, int page, int size) {}

  public record Decided(String decision) {}

  @GetMapping
  public List<CaseReads.CaseRow> list(Authentication who) {
    return cases.cases().stream().filter(c -> access.allowed(who, c.id())).toList();
  }

  @GetMapping("/{caseId}/accounts")
  public Page<AccountReads.AccountRow> accounts(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "page must be 0 or more and size 1.." + MAX_PAGE);
    }
    c.audit("view_accounts", "page " + page);
    return new Page<>(accounts.ranked(c, page * size, size), page, size);
  }

  @PostMapping("/{caseId}/accounts/{account}/roles/{role}/{decision}")
  public Decided decide(
      @PathVariable UUID caseId,
      @PathVariable String account,
      @PathVariable String role,
      @PathVariable String decision,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    Decision d = decision(decision);
    Role r;
    try {
      r = Role.ofCode(role);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown role");
    }
    if (!reviews.decideRole(c, account, r, d)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such role claim");
    }
    return new Decided(d.code());
  }

  /** {@code confirm} or {@code reject}; 400 for anything else. */
  static Decision decision(String verb) {
    return Decision.ofVerb(verb)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "decision is confirm or reject"));
  }
}
