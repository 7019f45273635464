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
import org.haetae.server.access.OpenCase;
import org.haetae.server.cases.CasePages;
import org.haetae.server.storage.MediaOrder;
import org.haetae.server.storage.MediaReads;
import org.haetae.server.web.Missing;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
  private final MediaReads media;
  private final MediaViews views;
  private final CaseAccess access;

  public MediaPages(MediaReads media, MediaViews views, CaseAccess access) {
    this.media = media;
    this.views = views;
    this.access = access;
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
    OpenCase c = access.open(who, id);
    String r = room == null || room.isBlank() ? null : room;
    MediaOrder o = MediaOrder.of(order);
    Pager p = Pager.of(page, size).withTotal(media.count(c, matched, r));
    CasePages.nav(model, c, "media");
    model.addAttribute("media", media.list(c, matched, r, o, p.offset(), p.size()));
    model.addAttribute("matched", matched);
    model.addAttribute("room", r);
    model.addAttribute("order", o.code());
    model.addAttribute("orders", MediaOrder.values());
    model.addAttribute("pager", p);
    return "media/list";
  }

  @GetMapping("/cases/{id}/media/{sha256}")
  String one(@PathVariable UUID id, @PathVariable String sha256, Authentication who, Model model) {
    OpenCase c = access.open(who, id);
    if (sha256.matches("[0-9a-f]{16}")) {
      // The network names files by their first 16 hex digits.
      List<String> found = media.expand(c, sha256);
      if (found.size() != 1) {
        throw Missing.no("file");
      }
      return "redirect:/cases/" + id + "/media/" + found.get(0);
    }
    MediaReads.Media m = file(c, sha256);
    page(model, c, m);
    c.audit("view_media_page", sha256);
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
    OpenCase c = access.open(who, id);
    MediaReads.Media m = file(c, sha256);
    if (m.signals() != null && m.signals().needsConfirmation() && !confirm) {
      CasePages.nav(model, c, "media");
      model.addAttribute("media", m);
      return "media/confirm";
    }
    byte[] jpeg =
        views
            .view(c, sha256, MediaViews.Shown.REVEALED, confirm)
            .orElseThrow(() -> Missing.no("file"));
    page(model, c, m);
    model.addAttribute(
        "revealedSrc", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg));
    // Evidence is never kept in a browser or proxy cache.
    response.setHeader("Cache-Control", "no-store");
    return "media/one";
  }

  private MediaReads.Media file(OpenCase c, String sha256) {
    return media.media(c, sha256).orElseThrow(() -> Missing.no("file"));
  }

  /**
   * A face's box over the picture and the enrolled people it may be, closest first.
   *
   * @param style its position in percent of the picture's size
   */
  public record Outline(String style, List<String> persons) {}

  /** One outline per face, however many enrolled people it may be; none without the size. */
  static List<Outline> outlines(List<MediaReads.FaceLead> leads, MediaReads.Size size) {
    Map<List<Double>, Outline> byBox = new LinkedHashMap<>();
    for (MediaReads.FaceLead l : leads) {
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
  private void page(Model model, OpenCase c, MediaReads.Media m) {
    CasePages.nav(model, c, "media");
    List<MediaReads.MatchRow> matches = media.matches(c, m.sha256());
    List<MediaReads.FaceLead> leads = media.faceLeads(c, m.sha256());
    model.addAttribute("media", m);
    // Hash matches are findings to check; face matches are leads, listed apart.
    model.addAttribute("matches", matches.stream().filter(x -> x.face() == null).toList());
    model.addAttribute("faceLeads", leads);
    // Boxes are drawn in percent of the picture's size, which the face stage recorded.
    model.addAttribute(
        "outlines", outlines(leads, m.signals() == null ? null : m.signals().size()));
    model.addAttribute("duplicates", media.nearDuplicates(c, m));
    model.addAttribute("timeline", media.timeline(c, m));
    model.addAttribute("maxTimeline", MediaReads.MAX_TIMELINE);
  }
}
