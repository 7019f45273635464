package org.haetae.server.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.InputException;
import org.haetae.server.portal.ReportAccess;
import org.haetae.server.stats.Statistics;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.takedowns.Notices;
import org.haetae.server.takedowns.Takedowns;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support centre's pages: the queue, a report with triage, notes, matches and takedown notices
 * (drafted, sent with their clock, answered), and the statistics.
 */
@Controller
@UiPage
public class SupportPages {
  private final SupportDesk desk;
  private final ReportStore reports;
  private final ReportAccess access;
  private final Notices notices;
  private final NoticeStore noticeStore;
  private final Takedowns takedowns;
  private final Statistics statistics;
  private final AuditLog audit;

  public SupportPages(
      SupportDesk desk,
      ReportStore reports,
      ReportAccess access,
      Notices notices,
      NoticeStore noticeStore,
      Takedowns takedowns,
      Statistics statistics,
      AuditLog audit) {
    this.desk = desk;
    this.reports = reports;
    this.access = access;
    this.notices = notices;
    this.noticeStore = noticeStore;
    this.takedowns = takedowns;
    this.statistics = statistics;
    this.audit = audit;
  }

  @GetMapping("/support")
  String queue(
      @RequestParam(defaultValue = "open") String status,
      @RequestParam(required = false) String platform,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      Model model) {
    String st = status.isBlank() || status.equals("all") ? null : status;
    String pl = platform == null || platform.isBlank() ? null : platform;
    Pager p = Pager.of(page, size).withTotal(desk.queueCount(st, pl, mine, who.getName()));
    List<ReportStore.QueueRow> rows = desk.queue(st, pl, mine, who.getName(), p);
    model.addAttribute("rows", rows);
    model.addAttribute("overdue", desk.overdue(rows));
    model.addAttribute("status", status);
    model.addAttribute("platform", pl);
    model.addAttribute("mine", mine);
    model.addAttribute("pager", p);
    model.addAttribute("waiting", noticeStore.waiting());
    model.addAttribute("surge", statistics.surge(Instant.now()));
    return "support/queue";
  }

  @GetMapping("/support/reports/{id}")
  String report(@PathVariable UUID id, Authentication who, Model model) {
    ReportStore.Report r = access.checkStaff(who, id);
    audit.record(who.getName(), "view_report", null, r.reference());
    model.addAttribute("report", r);
    List<ReportStore.Link> links = reports.links(id);
    model.addAttribute("links", links);
    model.addAttribute(
        "linkText", String.join("\n", links.stream().map(ReportStore.Link::url).toList()));
    model.addAttribute("hashes", reports.hashes(id));
    model.addAttribute("events", reports.events(id, false));
    model.addAttribute("notes", reports.notes(id));
    model.addAttribute("matches", reports.matches(id));
    model.addAttribute("notices", noticeStore.ofReport(id));
    model.addAttribute("staff", desk.staff());
    return "support/report";
  }

  @PostMapping("/support/reports/{id}/triage")
  String triage(
      @PathVariable UUID id,
      @RequestParam String urgency,
      @RequestParam(defaultValue = "false") boolean minor,
      @RequestParam(defaultValue = "") String platform,
      @RequestParam String status,
      @RequestParam(defaultValue = "") String assignee,
      Authentication who,
      RedirectAttributes flash) {
    access.checkStaff(who, id);
    try {
      desk.triage(id, urgency, minor, platform, status, assignee, who.getName());
    } catch (InputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/support/reports/" + id;
  }

  @PostMapping("/support/reports/{id}/notes")
  String note(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String body,
      Authentication who,
      RedirectAttributes flash) {
    access.checkStaff(who, id);
    try {
      desk.note(id, who.getName(), body);
    } catch (InputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/support/reports/" + id;
  }

  @PostMapping("/support/reports/{id}/notices")
  String draft(
      @PathVariable UUID id,
      @RequestParam String kind,
      @RequestParam(defaultValue = "") String platform,
      @RequestParam(defaultValue = "") String urls,
      @RequestParam(defaultValue = "") String explanation,
      @RequestParam(defaultValue = "ko") String language,
      Authentication who,
      RedirectAttributes flash) {
    access.checkStaff(who, id);
    try {
      UUID n =
          notices.draft(
              id,
              kind,
              platform,
              Arrays.asList(urls.split("\\R")),
              explanation,
              language,
              who.getName());
      takedowns.check(n, who.getName());
      audit.record(who.getName(), "notice_drafted", null, n.toString());
    } catch (InputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/support/reports/" + id;
  }

  @PostMapping("/support/notices/{notice}/sent")
  String sent(@PathVariable UUID notice, Authentication who, RedirectAttributes flash) {
    NoticeStore.Notice n = notices.get(notice);
    access.checkStaff(who, n.reportId());
    try {
      takedowns.send(notice, who.getName());
      audit.record(who.getName(), "notice_sent", null, notice.toString());
    } catch (InputException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/support/reports/" + n.reportId();
  }

  @PostMapping("/support/notices/{notice}/answer")
  String answer(
      @PathVariable UUID notice,
      @RequestParam String status,
      @RequestParam(defaultValue = "") String answer,
      @RequestParam(defaultValue = "") String removedAt,
      Authentication who,
      RedirectAttributes flash) {
    NoticeStore.Notice n = notices.get(notice);
    access.checkStaff(who, n.reportId());
    try {
      Instant removed =
          removedAt.isBlank()
              ? null
              : java.time.LocalDateTime.parse(removedAt.strip())
                  .toInstant(java.time.ZoneOffset.UTC);
      notices.answer(notice, status, answer, removed);
      audit.record(who.getName(), "notice_answered", null, notice + " " + status);
    } catch (InputException | java.time.format.DateTimeParseException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/support/reports/" + n.reportId();
  }

  /** The notice as e-mail-ready text. */
  @GetMapping("/support/notices/{notice}.txt")
  @ResponseBody
  ResponseEntity<String> text(@PathVariable UUID notice, Authentication who) {
    NoticeStore.Notice n = notices.get(notice);
    access.checkStaff(who, n.reportId());
    audit.record(who.getName(), "exported", null, "notice " + notice + " text");
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
        .body(takedowns.text(notice));
  }

  @GetMapping("/support/notices/{notice}.pdf")
  @ResponseBody
  ResponseEntity<byte[]> pdf(@PathVariable UUID notice, Authentication who) {
    NoticeStore.Notice n = notices.get(notice);
    access.checkStaff(who, n.reportId());
    audit.record(who.getName(), "exported", null, "notice " + notice + " pdf");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "attachment; filename=\"notice-" + notice + ".pdf\"")
        .body(takedowns.pdf(notice));
  }

  @GetMapping("/support/stats")
  String stats(Model model) {
    model.addAttribute("figures", statistics.figures(Instant.now()));
    return "support/stats";
  }

  @GetMapping("/support/stats.csv")
  @ResponseBody
  ResponseEntity<String> statsCsv(Authentication who) {
    audit.record(who.getName(), "exported", null, "statistics csv");
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"haetae-statistics.csv\"")
        .body(statistics.csv(statistics.figures(Instant.now())));
  }
}
