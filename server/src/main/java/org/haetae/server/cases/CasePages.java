package org.haetae.server.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The investigator's pages for a case as a whole: the case list, the dashboard, the ranked
 * accounts, rooms, victims' images found, flags and findings to review.
 */
@Controller
@UiPage
public class CasePages {
  /** Messages each role shows on the ranked list; the account page shows all it cites. */
  static final int CITED_ON_LIST = 3;

  private final CaseStore store;
  private final CaseOverview overview;
  private final AccountQueries accounts;
  private final MessageLookup messages;
  private final FlagReviews flags;
  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;

  public CasePages(
      CaseStore store,
      CaseOverview overview,
      AccountQueries accounts,
      MessageLookup messages,
      FlagReviews flags,
      CaseFolders folders,
      CaseAccess access,
      AuditTrail audit) {
    this.store = store;
    this.overview = overview;
    this.accounts = accounts;
    this.messages = messages;
    this.flags = flags;
    this.folders = folders;
    this.access = access;
    this.audit = audit;
  }

  /** Puts the case's id and title in the model for the header and the case's navigation. */
  public static void nav(Model model, UUID id, String title, String tab) {
    model.addAttribute("caseId", id);
    model.addAttribute("caseTitle", title);
    model.addAttribute("tab", tab);
  }

  @GetMapping("/cases")
  String list(Authentication who, Model model) throws SQLException {
    model.addAttribute(
        "cases", store.cases().stream().filter(c -> access.allowed(who, c.id())).toList());
    return "cases/list";
  }

  @GetMapping("/cases/{id}")
  String dashboard(@PathVariable UUID id, Authentication who, Model model) throws SQLException {
    access.check(who, id);
    CaseOverview.Summary s = overview.summary(id);
    nav(model, id, s.title(), "overview");
    Pager top = Pager.of(0, 10);
    model.addAttribute("summary", s);
    model.addAttribute("rooms", overview.rooms(id, top));
    model.addAttribute("victims", overview.victims(id, top));
    model.addAttribute("accounts", store.accounts(id, 0, 10));
    model.addAttribute("categories", overview.flagCategories(id));
    model.addAttribute("findings", overview.findings(id, top));
    audit.record(who.getName(), "view_case", id, null);
    return "cases/dashboard";
  }

  /** An account on the ranked list with its roles and a few of the messages each one cites. */
  public record Ranked(
      CaseStore.AccountRow row, List<AccountQueries.Role> roles, Map<String, List<Cited>> cited) {}

  @GetMapping("/cases/{id}/accounts")
  String ranked(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Authentication who,
      Model model)
      throws SQLException, IOException {
    access.check(who, id);
    Pager p = Pager.of(page, size).withTotal(overview.accountCount(id));
    nav(model, id, overview.title(id), "accounts");
    List<CaseStore.AccountRow> rows = store.accounts(id, p.offset(), p.size());
    Map<String, List<AccountQueries.Role>> roles =
        accounts.rolesOf(id, rows.stream().map(CaseStore.AccountRow::key).toList());
    List<MessageRef> wanted = new ArrayList<>();
    for (List<AccountQueries.Role> rs : roles.values()) {
      for (AccountQueries.Role r : rs) {
        wanted.addAll(r.evidence().subList(0, Math.min(CITED_ON_LIST, r.evidence().size())));
      }
    }
    Path folder = folders.folder(id);
    Map<String, Cited> byRef = new java.util.HashMap<>();
    for (Cited c : messages.complete(id, folder, wanted)) {
      byRef.put(c.ref(), c);
    }
    List<Ranked> ranked = new ArrayList<>();
    for (CaseStore.AccountRow row : rows) {
      List<AccountQueries.Role> rs = roles.getOrDefault(row.key(), List.of());
      Map<String, List<Cited>> cited = new java.util.LinkedHashMap<>();
      for (AccountQueries.Role r : rs) {
        cited.put(
            r.role(),
            r.evidence().stream()
                .limit(CITED_ON_LIST)
                .map(m -> byRef.get(m.label()))
                .filter(java.util.Objects::nonNull)
                .toList());
      }
      ranked.add(new Ranked(row, rs, cited));
    }
    model.addAttribute("ranked", ranked);
    model.addAttribute("pager", p);
    audit.record(who.getName(), "view_accounts", id, "page " + page);
    return "cases/accounts";
  }

  @GetMapping("/cases/{id}/rooms")
  String rooms(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    return list(id, who, model, page, size, "rooms", overview::roomCount, overview::rooms);
  }

  @GetMapping("/cases/{id}/victims")
  String victims(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    String view =
        list(id, who, model, page, size, "victims", overview::victimCount, overview::victims);
    model.addAttribute("matchedFiles", overview.matchedFiles(id));
    return view;
  }

  @GetMapping("/cases/{id}/findings")
  String findings(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    return list(id, who, model, page, size, "findings", overview::findingCount, overview::findings);
  }

  /** A paged list page of the case: its tab, its rows and the pager. */
  private String list(
      UUID id,
      Authentication who,
      Model model,
      int page,
      int size,
      String name,
      java.util.function.ToLongFunction<UUID> count,
      java.util.function.BiFunction<UUID, Pager, List<?>> rows) {
    access.check(who, id);
    Pager p = Pager.of(page, size).withTotal(count.applyAsLong(id));
    nav(model, id, overview.title(id), name);
    model.addAttribute(name, rows.apply(id, p));
    model.addAttribute("pager", p);
    return "cases/" + name;
  }

  @GetMapping("/cases/{id}/flags")
  String flagged(
      @PathVariable UUID id,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    access.check(who, id);
    String cat = blankToNull(category);
    String acc = blankToNull(account);
    Pager p = Pager.of(page, size).withTotal(overview.flagCount(id, cat, acc));
    nav(model, id, overview.title(id), "flags");
    model.addAttribute("flags", overview.flags(id, cat, acc, p));
    model.addAttribute("categories", overview.flagCategories(id));
    model.addAttribute("category", cat);
    model.addAttribute("account", acc);
    model.addAttribute("pager", p);
    audit.record(who.getName(), "view_flags", id, cat);
    return "cases/flags";
  }

  @PostMapping("/cases/{id}/flags/{flag}/{decision}")
  String decideFlag(
      @PathVariable UUID id,
      @PathVariable long flag,
      @PathVariable String decision,
      @RequestHeader(value = "Referer", required = false) String back,
      Authentication who) {
    access.check(who, id);
    if (!flags.decide(id, flag, confirmed(decision), who.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such flag");
    }
    return "redirect:" + backTo(back, id, "/flags");
  }

  @PostMapping("/cases/{id}/accounts/{account}/roles/{role}/{decision}")
  String decideRole(
      @PathVariable UUID id,
      @PathVariable String account,
      @PathVariable String role,
      @PathVariable String decision,
      @RequestHeader(value = "Referer", required = false) String back,
      Authentication who)
      throws SQLException {
    access.check(who, id);
    Role r;
    try {
      r = Role.ofCode(role);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown role");
    }
    if (!store.decide(id, account, r, confirmed(decision), who.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such role claim");
    }
    return "redirect:" + backTo(back, id, "/accounts");
  }

  private static boolean confirmed(String decision) {
    return switch (decision) {
      case "confirm" -> true;
      case "reject" -> false;
      default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "confirm or reject");
    };
  }

  /** Back to the page the decision was made on, when it is one of this case's pages. */
  private static String backTo(String referer, UUID id, String fallback) {
    String prefix = "/cases/" + id;
    if (referer != null) {
      int at = referer.indexOf(prefix);
      if (at >= 0 && !referer.substring(at).contains("//")) {
        return referer.substring(at);
      }
    }
    return prefix + fallback;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
