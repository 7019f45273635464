package org.haetae.server.scans;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.InputException;
import org.haetae.server.access.Roles;
import org.haetae.server.web.UiPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Start a scan of exports placed in the import folder, and follow its progress. */
@Controller
@UiPage
public class ScanPages {
  private final ScanJobs jobs;

  public ScanPages(ScanJobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/scans")
  String form(Authentication who, Model model) throws IOException {
    model.addAttribute("exports", jobs.importable());
    model.addAttribute("banks", jobs.banks());
    model.addAttribute("importDir", jobs.importDir().toString());
    model.addAttribute("scans", jobs.recent(who.getName(), Roles.isAdmin(who)));
    return "scans/scans";
  }

  @PostMapping("/scans")
  String start(
      @RequestParam(defaultValue = "") String title,
      @RequestParam(required = false) List<String> exports,
      @RequestParam(required = false) List<String> banks,
      Authentication who,
      Model model)
      throws IOException {
    try {
      ScanJobs.Status s =
          jobs.start(
              who.getName(),
              new ScanJobs.Request(
                  title.isBlank() ? null : title.strip(),
                  exports == null ? List.of() : exports,
                  banks == null ? List.of() : banks));
      return "redirect:/scans/" + s.id();
    } catch (InputException e) {
      model.addAttribute("error", e.getMessage());
      return form(who, model);
    }
  }

  @GetMapping("/scans/{id}")
  String progress(@PathVariable UUID id, Authentication who, Model model) {
    ScanJobs.Status s = jobs.status(id, who.getName(), Roles.isAdmin(who));
    if (s == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such scan");
    }
    model.addAttribute("scan", s);
    return "scans/progress";
  }
}
