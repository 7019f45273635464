package org.haetae.server.network;

import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.cases.CasePages;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The interactive network: who is in which room and who posted which victim's picture. */
@Controller
@UiPage
public class NetworkPage {
  private final CaseAccess access;

  public NetworkPage(CaseAccess access) {
    this.access = access;
  }

  @GetMapping("/cases/{id}/network")
  String page(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "100") int accounts,
      Authentication who,
      Model model) {
    CasePages.nav(model, access.open(who, id), "network");
    model.addAttribute("accounts", Math.max(1, Math.min(accounts, GraphView.MAX_ACCOUNTS)));
    model.addAttribute("maxAccounts", GraphView.MAX_ACCOUNTS);
    return "network/network";
  }
}
