package org.haetae.server.audit;

import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.cases.CasePages;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Who did what in a case: views, searches, reveals, decisions, exports, newest first. */
@Controller
@UiPage
public class AuditPage {
  private final AuditLog audit;
  private final CaseAccess access;

  public AuditPage(AuditLog audit, CaseAccess access) {
    this.audit = audit;
    this.access = access;
  }

  @GetMapping("/cases/{id}/audit")
  String page(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size).withTotal(audit.countOfCase(c));
    CasePages.nav(model, c, "audit");
    model.addAttribute("entries", audit.ofCase(c, p.offset(), p.size()));
    model.addAttribute("pager", p);
    return "audit/audit";
  }
}
