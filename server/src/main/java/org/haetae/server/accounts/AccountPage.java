package org.haetae.server.accounts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.result.MessageRef;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.CasePages;
import org.haetae.server.cases.Cited;
import org.haetae.server.cases.MessageLookup;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One account: names over time, rooms, roles with every message they cite, its messages. */
@Controller
@UiPage
public class AccountPage {
  private final AccountQueries accounts;
  private final CaseOverview overview;
  private final MessageLookup messages;
  private final CaseTextsCache texts;
  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;

  public AccountPage(
      AccountQueries accounts,
      CaseOverview overview,
      MessageLookup messages,
      CaseTextsCache texts,
      CaseFolders folders,
      CaseAccess access,
      AuditTrail audit) {
    this.accounts = accounts;
    this.overview = overview;
    this.messages = messages;
    this.texts = texts;
    this.folders = folders;
    this.access = access;
    this.audit = audit;
  }

  /** A role with the messages it cites, completed with their text and media. */
  public record RoleView(AccountQueries.Role role, List<Cited> cited) {}

  @GetMapping("/cases/{id}/accounts/{key}")
  String account(
      @PathVariable UUID id,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model)
      throws IOException {
    access.check(who, id);
    Pager p = Pager.of(page, size);
    AccountQueries.Account a = accounts.account(id, key);
    CasePages.nav(model, id, overview.title(id), "accounts");
    Path folder = folders.folder(id);
    List<AccountQueries.Role> roles = accounts.roles(id, key);
    List<MessageRef> wanted = new ArrayList<>();
    roles.forEach(r -> wanted.addAll(r.evidence()));
    List<Cited> all = messages.complete(id, folder, wanted);
    List<RoleView> views = new ArrayList<>();
    int at = 0;
    for (AccountQueries.Role r : roles) {
      views.add(new RoleView(r, all.subList(at, at + r.evidence().size())));
      at += r.evidence().size();
    }
    CaseTexts.Page<CaseTexts.Message> said =
        texts.readOr(
            folder,
            t -> t.byAccount(key, p.offset(), p.size()),
            new CaseTexts.Page<>(List.of(), 0));
    model.addAttribute("account", a);
    model.addAttribute("names", accounts.names(id, key));
    model.addAttribute("roles", views);
    model.addAttribute("rooms", overview.rooms(id, a.rooms()));
    model.addAttribute("messages", said.items());
    model.addAttribute("pager", p.withTotal(said.total()));
    model.addAttribute("flags", overview.flags(id, null, key, Pager.of(0, 20)));
    audit.record(who.getName(), "view_account", id, key);
    return "accounts/account";
  }
}
