package org.haetae.server.accounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.result.MessageRef;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.cases.CasePages;
import org.haetae.server.cases.Cited;
import org.haetae.server.cases.MessageLookup;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Missing;
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
  private final AccountReads accounts;
  private final CaseReads cases;
  private final MessageLookup messages;
  private final CaseTextsCache texts;
  private final CaseAccess access;

  public AccountPage(
      AccountReads accounts,
      CaseReads cases,
      MessageLookup messages,
      CaseTextsCache texts,
      CaseAccess access) {
    this.accounts = accounts;
    this.cases = cases;
    this.messages = messages;
    this.texts = texts;
    this.access = access;
  }

  /** A role with the messages it cites, completed with their text and media. */
  public record RoleView(AccountReads.ClaimedRole role, List<Cited> cited) {}

  @GetMapping("/cases/{id}/accounts/{key}")
  String account(
      @PathVariable UUID id,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model)
      throws IOException {
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size);
    AccountReads.Account a = accounts.account(c, key).orElseThrow(() -> Missing.no("account"));
    CasePages.nav(model, c, "accounts");
    List<AccountReads.ClaimedRole> roles = accounts.roles(c, key);
    List<MessageRef> wanted = new ArrayList<>();
    roles.forEach(r -> wanted.addAll(r.evidence()));
    List<Cited> all = messages.complete(c, wanted);
    List<RoleView> views = new ArrayList<>();
    int at = 0;
    for (AccountReads.ClaimedRole r : roles) {
      views.add(new RoleView(r, all.subList(at, at + r.evidence().size())));
      at += r.evidence().size();
    }
    CaseTexts.Page<CaseTexts.Message> said =
        texts.readOr(
            c.folder(),
            t -> t.byAccount(key, p.offset(), p.size()),
            new CaseTexts.Page<>(List.of(), 0));
    model.addAttribute("account", a);
    model.addAttribute("names", accounts.names(c, key));
    model.addAttribute("roles", views);
    model.addAttribute("rooms", cases.rooms(c, a.rooms()));
    model.addAttribute("messages", said.items());
    model.addAttribute("pager", p.withTotal(said.total()));
    model.addAttribute("flags", cases.flags(c, null, key, 0, 20));
    c.audit("view_account", key);
    return "accounts/account";
  }
}
