package org.haetae.server.media;

import java.util.UUID;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.CasePages;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case's media as pages: a grid of blurred thumbnails, and one file with its bank matches,
 * near-duplicates and spread across rooms. Pictures come blurred; revealing one is a click that
 * fetches the picture unblurred, which the server audits and writes to the custody log.
 */
@Controller
@UiPage
public class MediaPages {
  private final MediaQueries media;
  private final CaseOverview overview;
  private final CaseAccess access;
  private final AuditTrail audit;

  public MediaPages(
      MediaQueries media, CaseOverview overview, CaseAccess access, AuditTrail audit) {
    this.media = media;
    this.overview = overview;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/cases/{id}/media")
  String list(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean matched,
      @RequestParam(required = false) String room,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "48") int size,
      Authentication who,
      Model model) {
    access.check(who, id);
    String r = room == null || room.isBlank() ? null : room;
    Pager p = Pager.of(page, size).withTotal(media.count(id, matched, r));
    CasePages.nav(model, id, overview.title(id), "media");
    model.addAttribute("media", media.list(id, matched, r, p));
    model.addAttribute("matched", matched);
    model.addAttribute("room", r);
    model.addAttribute("pager", p);
    return "media/list";
  }

  @GetMapping("/cases/{id}/media/{sha256}")
  String one(@PathVariable UUID id, @PathVariable String sha256, Authentication who, Model model) {
    access.check(who, id);
    if (sha256.matches("[0-9a-f]{16}")) {
      // The network names files by their first 16 hex digits.
      return "redirect:/cases/" + id + "/media/" + media.expand(id, sha256);
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file");
    }
    MediaQueries.Media m = media.media(id, sha256);
    CasePages.nav(model, id, overview.title(id), "media");
    model.addAttribute("media", m);
    model.addAttribute("matches", media.matches(id, sha256));
    model.addAttribute("duplicates", media.nearDuplicates(id, m));
    model.addAttribute("timeline", media.timeline(id, m));
    model.addAttribute("maxTimeline", MediaQueries.MAX_TIMELINE);
    audit.record(who.getName(), "view_media_page", id, sha256);
    return "media/one";
  }
}
