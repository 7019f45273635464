package org.haetae.server.media;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case's media as pages: a grid of blurred thumbnails (the review order by default: files that
 * matched a victim first, the most explicit first), and one file with its bank matches, enrolled
 * faces it may show, near-duplicates and spread across rooms. Pictures come blurred; revealing one
 * fetches it unblurred, which the server audits and writes to the custody log. A picture the
 * classifier scored as likely explicit is revealed only after a second confirmation, on a page the
 * server renders (the CSP allows no inline script).
 */
@Controller
@UiPage
public class MediaPages {
  private final MediaQueries media;
  private final MediaViews views;
  private final CaseOverview overview;
  private final CaseAccess access;
  private final AuditTrail audit;

  public MediaPages(
      MediaQueries media,
      MediaViews views,
      CaseOverview overview,
      CaseAccess access,
      AuditTrail audit) {
    this.media = media;
    this.views = views;
    this.overview = overview;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/cases/{id}/media")
  String list(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean matched,
      @RequestParam(required = false) String room,
      @RequestParam(required = false) String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "48") int size,
      Authentication who,
      Model model) {
    access.check(who, id);
    String r = room == null || room.isBlank() ? null : room;
    MediaOrder o = MediaOrder.of(order);
    Pager p = Pager.of(page, size).withTotal(media.count(id, matched, r));
    CasePages.nav(model, id, overview.title(id), "media");
    model.addAttribute("media", media.list(id, matched, r, o, p));
    model.addAttribute("matched", matched);
    model.addAttribute("room", r);
    model.addAttribute("order", o.code());
    model.addAttribute("orders", MediaOrder.values());
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
    MediaQueries.Media m = file(id, sha256);
    page(model, id, m);
    audit.record(who.getName(), "view_media_page", id, sha256);
    return "media/one";
  }

  /**
   * Reveals the picture on its page. A picture whose explicit score is {@link
   * MediaViews#CONFIRM_AT} or more first gets a page that asks again and reveals nothing; only its
   * form, sending {@code confirm=true}, reveals it. The picture comes inside the page (a data URI),
   * so no address of the clear picture is left behind.
   */
  @PostMapping("/cases/{id}/media/{sha256}/reveal")
  String reveal(
      @PathVariable UUID id,
      @PathVariable String sha256,
      @RequestParam(defaultValue = "false") boolean confirm,
      Authentication who,
      Model model,
      HttpServletResponse response)
      throws IOException {
    access.check(who, id);
    MediaQueries.Media m = file(id, sha256);
    if (m.signals() != null && m.signals().needsConfirmation() && !confirm) {
      CasePages.nav(model, id, overview.title(id), "media");
      model.addAttribute("media", m);
      return "media/confirm";
    }
    byte[] jpeg =
        views
            .view(id, sha256, MediaViews.Shown.REVEALED, confirm, who.getName())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file"));
    page(model, id, m);
    model.addAttribute(
        "revealedSrc", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    // Evidence is never kept in a browser or proxy cache.
    response.setHeader("Cache-Control", "no-store");
    return "media/one";
  }

  private MediaQueries.Media file(UUID id, String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file");
    }
    return media.media(id, sha256);
  }

  /**
   * A face's box over the picture and the enrolled people it may be, closest first.
   *
   * @param style its position in percent of the picture's size
   */
  public record Outline(String style, List<String> persons) {}

  /** One outline per face, however many enrolled people it may be; none without the size. */
  static List<Outline> outlines(List<MediaQueries.FaceLead> leads, MediaQueries.Size size) {
    Map<List<Double>, Outline> byBox = new LinkedHashMap<>();
    for (MediaQueries.FaceLead l : leads) {
      String style = l.boxStyle(size);
      if (style != null) {
        byBox
            .computeIfAbsent(l.face().box(), b -> new Outline(style, new ArrayList<>()))
            .persons()
            .add(l.entryId());
      }
    }
    return List.copyOf(byBox.values());
  }

  /** What a file's page shows. */
  private void page(Model model, UUID id, MediaQueries.Media m) {
    CasePages.nav(model, id, overview.title(id), "media");
    List<MediaQueries.MatchRow> matches = media.matches(id, m.sha256());
    List<MediaQueries.FaceLead> leads = media.faceLeads(id, m.sha256());
    model.addAttribute("media", m);
    // Hash matches are findings to check; face matches are leads, listed apart.
    model.addAttribute("matches", matches.stream().filter(x -> x.face() == null).toList());
    model.addAttribute("faceLeads", leads);
    // Boxes are drawn in percent of the picture's size, which the face stage recorded.
    model.addAttribute(
        "outlines", outlines(leads, m.signals() == null ? null : m.signals().size()));
    model.addAttribute("duplicates", media.nearDuplicates(id, m));
    model.addAttribute("timeline", media.timeline(id, m));
    model.addAttribute("maxTimeline", MediaQueries.MAX_TIMELINE);
  }
}
