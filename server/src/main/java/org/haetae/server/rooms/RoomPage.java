package org.haetae.server.rooms;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.cases.CasePages;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.MediaOrder;
import org.haetae.server.storage.MediaReads;
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

/** One room: its timeline, members and admins, and the media posted in it. */
@Controller
@UiPage
public class RoomPage {
  private final CaseReads cases;
  private final AccountReads accounts;
  private final MediaReads media;
  private final CaseTextsCache texts;
  private final CaseAccess access;

  public RoomPage(
      CaseReads cases,
      AccountReads accounts,
      MediaReads media,
      CaseTextsCache texts,
      CaseAccess access) {
    this.cases = cases;
    this.accounts = accounts;
    this.media = media;
    this.texts = texts;
    this.access = access;
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
    OpenCase c = access.open(who, id);
    Pager p = Pager.of(page, size);
    Pager mp = Pager.of(members, 25).withTotal(accounts.memberCount(c, key));
    CaseReads.RoomRow room = cases.room(c, key).orElseThrow(() -> Missing.no("room"));
    CasePages.nav(model, c, "rooms");
    CaseTexts.Page<CaseTexts.Message> said =
        texts.readOr(
            c.folder(),
            t -> t.inRoom(key, p.offset(), p.size()),
            new CaseTexts.Page<>(List.of(), 0));
    model.addAttribute("room", room);
    model.addAttribute("admins", accounts.admins(c, key));
    model.addAttribute("members", accounts.members(c, key, mp.offset(), mp.size()));
    model.addAttribute("memberPager", mp);
    model.addAttribute("messages", said.items());
    model.addAttribute("pager", p.withTotal(said.total()));
    model.addAttribute("media", media.list(c, false, key, MediaOrder.REVIEW, 0, 12));
    model.addAttribute("mediaCount", media.count(c, false, key));
    c.audit("view_room", key);
    return "rooms/room";
  }
}
