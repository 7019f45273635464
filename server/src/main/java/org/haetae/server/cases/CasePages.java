package org.haetae.server.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.Decision;
import org.haetae.server.storage.Reviews;
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

  private final CaseReads cases;
  private final AccountReads accounts;
  private final Reviews reviews;
  private final MessageLookup messages;
  private final CaseAccess access;

  public CasePages(
      CaseReads cases,
      AccountReads accounts,
      Reviews reviews,
      MessageLookup messages,
      CaseAccess access) {
    this.cases = cases;
    this.accounts = accounts;
    this.reviews = reviews;
    this.messages = messages;
    this.access = access;
  }

  /** Puts the case's id and title in the model for the header and the case's navigation. */
  public static void nav(Model model, OpenCase c, String tab) {
    model.addAttribute("caseId", c.id());
    model.addAttribute("caseTitle", c.title());
    model.addAttribute("tab", tab);
  }

  @GetMapping("/cases")
  String list(Authentication who, Model model) {
    model.addAttribute(
        "cases", cases.cases().stream().filter(c -> access.allowed(who, c.id())).toList());
    return "cases/list";
  }

  @GetMapping("/cases/{id}")
  String dashboard(@PathVariable UUID id, Authentication who, Model model) {
    OpenCase c = access.open(who, id);
    nav(model, c, "overview");
    model.addAttribute("summary", cases.summary(c));
    model.addAttribute("rooms", cases.rooms(c, 0, 10));
    model.addAttribute("victims", cases.victims(c, 0, 10));
    model.addAttribute("accounts", accounts.ranked(c, 0, 10));
    model.addAttribute("categories", cases.flagCategories(c));
    model.addAttribute("findings", cases.findings(c, 0, 10));
    c.audit("view_case", null);
    return "cases/dashboard";
  }

  /** An account on the ranked list with its roles and a few of the messages each one cites. */
  public record Ranked(
      AccountReads.AccountRow row,
      List<AccountReads.ClaimedRole> roles,
      Map<String, List<Cited>> cited) {}

  @GetMapping("/cases/{id}/accounts")
  String ranked(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      Authentication who,
      Model model)
      throws IOException {
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size).withTotal(accounts.accountCount(c));
    nav(model, c, "accounts");
    List<AccountReads.AccountRow> rows = accounts.ranked(c, p.offset(), p.size());
    Map<String, List<AccountReads.ClaimedRole>> roles =
        accounts.rolesOf(c, rows.stream().map(AccountReads.AccountRow::key).toList());
    List<MessageRef> wanted = new ArrayList<>();
    for (List<AccountReads.ClaimedRole> rs : roles.values()) {
      for (AccountReads.ClaimedRole r : rs) {
        wanted.addAll(r.evidence().subList(0, Math.min(CITED_ON_LIST, r.evidence().size())));
      }
    }
    Map<String, Cited> byRef = new HashMap<>();
    for (Cited m : messages.complete(c, wanted)) {
      byRef.put(m.ref(), m);
    }
    List<Ranked> ranked = new ArrayList<>();
    for (AccountReads.AccountRow row : rows) {
      List<AccountReads.ClaimedRole> rs = roles.getOrDefault(row.key(), List.of());
      Map<String, List<Cited>> cited = new LinkedHashMap<>();
      for (AccountReads.ClaimedRole r : rs) {
        cited.put(
            r.role(),
            r.evidence().stream()
                .limit(CITED_ON_LIST)
                .map(m -> byRef.get(m.label()))
                .filter(Objects::nonNull)
                .toList());
      }
      ranked.add(new Ranked(row, rs, cited));
    }
    model.addAttribute("ranked", ranked);
    model.addAttribute("pager", p);
    c.audit("view_accounts", "page " + page);
    return "cases/accounts";
  }

  @GetMapping("/cases/{id}/rooms")
  String rooms(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    list(id, who, model, page, size, "rooms", cases::roomCount, cases::rooms);
    return "cases/rooms";
  }

  @GetMapping("/cases/{id}/victims")
  String victims(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    OpenCase c = list(id, who, model, page, size, "victims", cases::victimCount, cases::victims);
    model.addAttribute("matchedFiles", cases.matchedFiles(c));
    return "cases/victims";
  }

  @GetMapping("/cases/{id}/findings")
  String findings(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    list(id, who, model, page, size, "findings", cases::findingCount, cases::findings);
    return "cases/findings";
  }

  /** One page of a list of the case. */
  @FunctionalInterface
  interface Rows {
    List<?> read(OpenCase c, int offset, int limit);
  }

  /** A paged list page of the case (view {@code cases/name}): its tab, its rows and the pager. */
  private OpenCase list(
      UUID id,
      Authentication who,
      Model model,
      int page,
      int size,
      String name,
      ToLongFunction<OpenCase> count,
      Rows rows) {
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size).withTotal(count.applyAsLong(c));
    nav(model, c, name);
    model.addAttribute(name, rows.read(c, p.offset(), p.size()));
    model.addAttribute("pager", p);
    return c;
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
    OpenCase c = access.open(who, id);
    String cat = blankToNull(category);
    String acc = blankToNull(account);
    Pager p = Pager.of(page, size).withTotal(cases.flagCount(c, cat, acc));
    nav(model, c, "flags");
    model.addAttribute("flags", cases.flags(c, cat, acc, p.offset(), p.size()));
    model.addAttribute("categories", cases.flagCategories(c));
    model.addAttribute("category", cat);
    model.addAttribute("account", acc);
    model.addAttribute("pager", p);
    c.audit("view_flags", cat);
    return "cases/flags";
  }

  @PostMapping("/cases/{id}/flags/{flag}/{decision}")
  String decideFlag(
      @PathVariable UUID id,
      @PathVariable long flag,
      @PathVariable String decision,
      @RequestHeader(value = "Referer", required = false) String back,
      Authentication who) {
    OpenCase c = access.open(who, id);
    if (!reviews.decideFlag(c, flag, decision(decision))) {
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
      Authentication who) {
    OpenCase c = access.open(who, id);
    Role r;
    try {
      r = Role.ofCode(role);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown role");
    }
    if (!reviews.decideRole(c, account, r, decision(decision))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such role claim");
    }
    return "redirect:" + backTo(back, id, "/accounts");
  }

  private static Decision decision(String verb) {
    return Decision.ofVerb(verb)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "confirm or reject"));
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
