package org.haetae.server.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.cases.CaseFolders;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.FlagReviews;
import org.haetae.server.media.MediaOrder;
import org.haetae.server.media.MediaQueries;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the UI's case pages show, as JSON: the case's figures, rooms, one account, media, flags,
 * findings and victims' images found. Same access rules and paging as the pages.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
public class CaseDataController {
  private final CaseOverview overview;
  private final AccountQueries accounts;
  private final MediaQueries media;
  private final FlagReviews reviews;
  private final CaseTextsCache texts;
  private final CaseFolders folders;
  private final CaseAccess access;
  private final AuditTrail audit;

  public CaseDataController(
      CaseOverview overview,
      AccountQueries accounts,
      MediaQueries media,
      FlagReviews reviews,
      CaseTextsCache texts,
      CaseFolders folders,
      CaseAccess access,
      AuditTrail audit) {
    this.reviews = reviews;
    this.texts = texts;
    this.folders = folders;
    this.overview = overview;
    this.accounts = accounts;
    this.media = media;
    this.access = access;
    this.audit = audit;
  }

  /** A page of a list, with the total to page through it. */
  public record Listing<T>(List<T> items, int page, int size, long total) {
    static <T> Listing<T> of(List<T> items, Pager p) {
      return new Listing<>(items, p.page(), p.size(), p.total());
    }
  }

  /** One account with its names over time and its roles (each with the messages it cites). */
  public record AccountDetail(
      AccountQueries.Account account,
      List<AccountQueries.Name> names,
      List<AccountQueries.Role> roles) {}

  /**
   * One file with its bank matches (a face match carries its {@code face}), the enrolled faces it
   * may show (leads for review, not identifications), near-duplicates and posts across rooms.
   */
  public record MediaDetail(
      MediaQueries.Media media,
      List<MediaQueries.MatchRow> matches,
      List<MediaQueries.FaceLead> faceLeads,
      List<MediaQueries.MediaRow> nearDuplicates,
      List<MediaQueries.Post> posts) {}

  @GetMapping
  public CaseOverview.Summary summary(@PathVariable UUID caseId, Authentication who) {
    access.check(who, caseId);
    audit.record(who.getName(), "view_case", caseId, null);
    return overview.summary(caseId);
  }

  @GetMapping("/rooms")
  public Listing<CaseOverview.RoomRow> rooms(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, overview::roomCount, overview::rooms);
  }

  /** One room with its admins and a page of its members. */
  public record RoomDetail(
      CaseOverview.RoomRow room,
      List<AccountQueries.Member> admins,
      Listing<AccountQueries.Member> members) {}

  @GetMapping("/rooms/{key}")
  public RoomDetail room(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    access.check(who, caseId);
    Pager p = Pager.of(page, size);
    CaseOverview.RoomRow room = overview.room(caseId, key);
    p = p.withTotal(accounts.memberCount(caseId, key));
    audit.record(who.getName(), "view_room", caseId, key);
    return new RoomDetail(
        room, accounts.admins(caseId, key), Listing.of(accounts.members(caseId, key, p), p));
  }

  @GetMapping("/rooms/{key}/messages")
  public Listing<CaseTexts.Message> roomMessages(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who)
      throws IOException {
    access.check(who, caseId);
    Pager p = Pager.of(page, size);
    overview.room(caseId, key);
    audit.record(who.getName(), "view_room", caseId, key);
    return messages(caseId, p, t -> t.inRoom(key, p.offset(), p.size()));
  }

  @GetMapping("/accounts/{key}/messages")
  public Listing<CaseTexts.Message> accountMessages(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who)
      throws IOException {
    access.check(who, caseId);
    Pager p = Pager.of(page, size);
    accounts.account(caseId, key);
    audit.record(who.getName(), "view_account", caseId, key);
    return messages(caseId, p, t -> t.byAccount(key, p.offset(), p.size()));
  }

  /** A page of messages from the case's index; none when the case has no index. */
  private Listing<CaseTexts.Message> messages(
      UUID caseId, Pager p, CaseTextsCache.Reader<CaseTexts.Page<CaseTexts.Message>> read)
      throws IOException {
    CaseTexts.Page<CaseTexts.Message> m =
        texts.readOr(folders.folder(caseId), read, new CaseTexts.Page<>(List.of(), 0));
    return Listing.of(m.items(), p.withTotal(m.total()));
  }

  @GetMapping("/audit")
  public Listing<AuditTrail.Entry> auditTrail(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    access.check(who, caseId);
    Pager p = Pager.of(page, size).withTotal(audit.countOfCase(caseId));
    return Listing.of(audit.ofCase(caseId, p.offset(), p.size()), p);
  }

  private <T> Listing<T> listing(
      UUID caseId,
      Authentication who,
      int page,
      int size,
      java.util.function.ToLongFunction<UUID> count,
      java.util.function.BiFunction<UUID, Pager, List<T>> rows) {
    access.check(who, caseId);
    Pager p = Pager.of(page, size).withTotal(count.applyAsLong(caseId));
    return Listing.of(rows.apply(caseId, p), p);
  }

  @GetMapping("/accounts/{key}")
  public AccountDetail account(
      @PathVariable UUID caseId, @PathVariable String key, Authentication who) {
    access.check(who, caseId);
    AccountQueries.Account a = accounts.account(caseId, key);
    audit.record(who.getName(), "view_account", caseId, key);
    return new AccountDetail(a, accounts.names(caseId, key), accounts.roles(caseId, key));
  }

  /**
   * The case's files, each with what the image models said about it ({@code signals}); in the
   * review order unless {@code order} is {@code least-explicit}, {@code date} or {@code posts}.
   */
  @GetMapping("/media")
  public Listing<MediaQueries.MediaRow> mediaList(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "false") boolean matched,
      @RequestParam(required = false) String room,
      @RequestParam(required = false) String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    access.check(who, caseId);
    String r = room == null || room.isBlank() ? null : room;
    MediaOrder o = MediaOrder.of(order);
    Pager p = Pager.of(page, size).withTotal(media.count(caseId, matched, r));
    return Listing.of(media.list(caseId, matched, r, o, p), p);
  }

  @GetMapping("/media/{sha256}/about")
  public MediaDetail mediaAbout(
      @PathVariable UUID caseId, @PathVariable String sha256, Authentication who) {
    access.check(who, caseId);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file");
    }
    MediaQueries.Media m = media.media(caseId, sha256);
    audit.record(who.getName(), "view_media_page", caseId, sha256);
    return new MediaDetail(
        m,
        media.matches(caseId, sha256),
        media.faceLeads(caseId, sha256),
        media.nearDuplicates(caseId, m),
        media.timeline(caseId, m));
  }

  @GetMapping("/flags")
  public Listing<CaseOverview.FlagRow> flags(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    access.check(who, caseId);
    String c = category == null || category.isBlank() ? null : category;
    String a = account == null || account.isBlank() ? null : account;
    Pager p = Pager.of(page, size).withTotal(overview.flagCount(caseId, c, a));
    audit.record(who.getName(), "view_flags", caseId, c);
    return Listing.of(overview.flags(caseId, c, a, p), p);
  }

  @PostMapping("/flags/{flag}/{decision}")
  public CaseController.Decision decideFlag(
      @PathVariable UUID caseId,
      @PathVariable long flag,
      @PathVariable String decision,
      Authentication who) {
    access.check(who, caseId);
    if (!decision.equals("confirm") && !decision.equals("reject")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "decision is confirm or reject");
    }
    if (!reviews.decide(caseId, flag, decision.equals("confirm"), who.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such flag");
    }
    return new CaseController.Decision(decision.equals("confirm") ? "confirmed" : "rejected");
  }

  @GetMapping("/findings")
  public Listing<CaseOverview.FindingRow> findings(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, overview::findingCount, overview::findings);
  }

  @GetMapping("/victims")
  public Listing<CaseOverview.VictimRow> victims(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, overview::victimCount, overview::victims);
  }
}
