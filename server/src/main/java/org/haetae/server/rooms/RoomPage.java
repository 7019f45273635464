package org.haetae.server.rooms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.CasePages;
import org.haetae.server.media.MediaOrder;
import org.haetae.server.media.MediaQueries;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Pager;
import org.haetae.server.web.UiPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One room: its timeline, members and admins, and the media posted in it. */
@Controller
@UiPage
public class RoomPage {
  private final CaseOverview overview;
  private final AccountQueries accounts;
  private final MediaQueries media;
  private final CaseTextsCache texts;
  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;

  public RoomPage(
      CaseOverview overview,
      AccountQueries accounts,
      MediaQueries media,
      CaseTextsCache texts,
      CaseFolders folders,
      CaseAccess access,
      AuditTrail audit) {
    this.overview = overview;
    this.accounts = accounts;
    this.media = media;
    this.texts = texts;
    this.folders = folders;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/cases/{id}/rooms/{key}")
  String room(
      @PathVariable UUID id,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(defaultValue = "0") int members,
      Authentication who,
      Model model)
      throws IOException {
    access.check(who, id);
    Pager p = Pager.of(page, size);
    Pager mp = Pager.of(members, 25).withTotal(accounts.memberCount(id, key));
    CaseOverview.RoomRow room = overview.room(id, key);
    CasePages.nav(model, id, overview.title(id), "rooms");
    Path folder = folders.folder(id);
    CaseTexts.Page<CaseTexts.Message> said =
        texts.readOr(
            folder, t -> t.inRoom(key, p.offset(), p.size()), new CaseTexts.Page<>(List.of(), 0));
    model.addAttribute("room", room);
    model.addAttribute("admins", accounts.admins(id, key));
    model.addAttribute("members", accounts.members(id, key, mp));
    model.addAttribute("memberPager", mp);
    model.addAttribute("messages", said.items());
    model.addAttribute("pager", p.withTotal(said.total()));
    model.addAttribute("media", media.list(id, false, key, MediaOrder.REVIEW, Pager.of(0, 12)));
    model.addAttribute("mediaCount", media.count(id, false, key));
    audit.record(who.getName(), "view_room", id, key);
    return "rooms/room";
  }
}
