package org.haetae.server.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.haetae.pipeline.InputException;
import org.haetae.server.access.Roles;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The victims' portal: file a report, protect pictures by their hashes (computed in the browser;
 * the pictures never leave her device), follow every takedown, learn of new copies, withdraw.
 */
@Controller
@UiPage
public class PortalPages {
  private final Reports filing;
  private final ReportStore reports;
  private final ReportAccess access;
  private final NoticeStore notices;

  public PortalPages(
      Reports filing, ReportStore reports, ReportAccess access, NoticeStore notices) {
    this.filing = filing;
    this.reports = reports;
    this.access = access;
    this.notices = notices;
  }

  @GetMapping("/portal")
  String mine(Authentication who, Model model) {
    if (Roles.supports(who)) {
      return "redirect:/support";
    }
    model.addAttribute("reports", reports.ofOwner(who.getName()));
    return "portal/mine";
  }

  @GetMapping("/portal/reports/new")
  String form(Model model) {
    return "portal/new";
  }

  @PostMapping("/portal/reports")
  String file(
      @RequestParam(defaultValue = "self") String filedFor,
      @RequestParam(defaultValue = "") String whatHappened,
      @RequestParam(defaultValue = "") String happenedOn,
      @RequestParam(defaultValue = "") String platform,
      @RequestParam(defaultValue = "") String links,
      @RequestParam(defaultValue = "portal") String contactBy,
      @RequestParam(defaultValue = "") String contact,
      @RequestParam(defaultValue = "false") boolean minor,
      Authentication who,
      Model model) {
    try {
      LocalDate on = happenedOn.isBlank() ? null : LocalDate.parse(happenedOn.strip());
      UUID id =
          filing.create(
              who.getName(),
              new ReportStore.NewReport(
                  filedFor,
                  whatHappened,
                  on,
                  platform,
                  Arrays.asList(links.split("\\R")),
                  contactBy,
                  contact,
                  minor));
      return "redirect:/portal/reports/" + id;
    } catch (InputException | DateTimeParseException e) {
      model.addAttribute("error", e instanceof InputException ? e.getMessage() : "date");
      model.addAttribute("whatHappened", whatHappened);
      model.addAttribute("platform", platform);
      model.addAttribute("links", links);
      model.addAttribute("contact", contact);
      return "portal/new";
    }
  }

  @GetMapping("/portal/reports/{id}")
  String report(@PathVariable UUID id, Authentication who, Model model) {
    ReportStore.Report r = access.check(who, id);
    model.addAttribute("report", r);
    model.addAttribute("links", reports.links(id));
    model.addAttribute("hashes", reports.hashes(id));
    model.addAttribute("events", reports.events(id, true));
    model.addAttribute("notices", notices.ofReport(id));
    return "portal/report";
  }

  @PostMapping("/portal/reports/{id}/hashes/withdraw")
  String withdraw(
      @PathVariable UUID id, @RequestParam(required = false) Long hash, Authentication who) {
    access.check(who, id);
    reports.withdrawHashes(id, hash);
    return "redirect:/portal/reports/" + id;
  }
}
