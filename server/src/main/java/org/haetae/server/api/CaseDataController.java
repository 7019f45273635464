package org.haetae.server.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.CaseAccess;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.MediaOrder;
import org.haetae.server.storage.MediaReads;
import org.haetae.server.storage.Reviews;
import org.haetae.server.texts.CaseTextsCache;
import org.haetae.server.web.Missing;
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
  private final CaseReads cases;
  private final AccountReads accounts;
  private final MediaReads media;
  private final Reviews reviews;
  private final AuditLog audit;
  private final CaseTextsCache texts;
  private final CaseAccess access;

  public CaseDataController(
      CaseReads cases,
      AccountReads accounts,
      MediaReads media,
      Reviews reviews,
      AuditLog audit,
      CaseTextsCache texts,
      CaseAccess access) {
    this.cases = cases;
    this.accounts = accounts;
    this.media = media;
    this.reviews = reviews;
    this.audit = audit;
    this.texts = texts;
    this.access = access;
  }

  /** A page of a list, with the total to page through it. */
  public record Listing<T>(List<T> items, int page, int size, long total) {
    static <T> Listing<T> of(List<T> items, Pager p) {
      return new Listing<>(items, p.page(), p.size(), p.total());
    }
  }

  /** One account with its names over time and its roles (each with the messages it cites). */
  public record AccountDetail(
      AccountReads.Account account,
      List<AccountReads.Name> names,
      List<AccountReads.ClaimedRole> roles) {}

  /**
   * One file with its bank matches (a face match carries its {@code face}), the enrolled faces it
   * may show (leads for review, not identifications), near-duplicates and posts across rooms.
   */
  public record MediaDetail(
      MediaReads.Media media,
      List<MediaReads.MatchRow> matches,
      List<MediaReads.FaceLead> faceLeads,
      List<MediaReads.MediaRow> nearDuplicates,
      List<MediaReads.Post> posts) {}

  @GetMapping
  public CaseReads.Summary summary(@PathVariable UUID caseId, Authentication who) {
    OpenCase c = access.open(who, caseId);
    c.audit("view_case", null);
    return cases.summary(c);
  }

  @GetMapping("/rooms")
  public Listing<CaseReads.RoomRow> rooms(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, cases::roomCount, cases::rooms);
  }

  /** One room with its admins and a page of its members. */
  public record RoomDetail(
      CaseReads.RoomRow room,
      List<AccountReads.Member> admins,
      Listing<AccountReads.Member> members) {}

  @GetMapping("/rooms/{key}")
  public RoomDetail room(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    Pager p = Pager.of(page, size);
    CaseReads.RoomRow room = cases.room(c, key).orElseThrow(() -> Missing.no("room"));
    p = p.withTotal(accounts.memberCount(c, key));
    c.audit("view_room", key);
    return new RoomDetail(
        room,
        accounts.admins(c, key),
        Listing.of(accounts.members(c, key, p.offset(), p.size()), p));
  }

  @GetMapping("/rooms/{key}/messages")
  public Listing<CaseTexts.Message> roomMessages(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who)
      throws IOException {
    OpenCase c = access.open(who, caseId);
    Pager p = Pager.of(page, size);
    cases.room(c, key).orElseThrow(() -> Missing.no("room"));
    c.audit("view_room", key);
    return messages(c, p, t -> t.inRoom(key, p.offset(), p.size()));
  }

  @GetMapping("/accounts/{key}/messages")
  public Listing<CaseTexts.Message> accountMessages(
      @PathVariable UUID caseId,
      @PathVariable String key,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who)
      throws IOException {
    OpenCase c = access.open(who, caseId);
    Pager p = Pager.of(page, size);
    accounts.account(c, key).orElseThrow(() -> Missing.no("account"));
    c.audit("view_account", key);
    return messages(c, p, t -> t.byAccount(key, p.offset(), p.size()));
  }

  /** A page of messages from the case's index; none when the case has no index. */
  private Listing<CaseTexts.Message> messages(
      OpenCase c, Pager p, CaseTextsCache.Reader<CaseTexts.Page<CaseTexts.Message>> read)
      throws IOException {
    CaseTexts.Page<CaseTexts.Message> m =
        texts.readOr(c.folder(), read, new CaseTexts.Page<>(List.of(), 0));
    return Listing.of(m.items(), p.withTotal(m.total()));
  }

  @GetMapping("/audit")
  public Listing<AuditLog.Entry> auditTrail(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, audit::countOfCase, audit::ofCase);
  }

  /** One page of a list of the case. */
  @FunctionalInterface
  interface Rows<T> {
    List<T> read(OpenCase c, int offset, int limit);
  }

  private <T> Listing<T> listing(
      UUID caseId,
      Authentication who,
      int page,
      int size,
      ToLongFunction<OpenCase> count,
      Rows<T> rows) {
    OpenCase c = access.open(who, caseId);
    Pager p = Pager.of(page, size).withTotal(count.applyAsLong(c));
    return Listing.of(rows.read(c, p.offset(), p.size()), p);
  }

  @GetMapping("/accounts/{key}")
  public AccountDetail account(
      @PathVariable UUID caseId, @PathVariable String key, Authentication who) {
    OpenCase c = access.open(who, caseId);
    AccountReads.Account a = accounts.account(c, key).orElseThrow(() -> Missing.no("account"));
    c.audit("view_account", key);
    return new AccountDetail(a, accounts.names(c, key), accounts.roles(c, key));
  }

  /**
   * The case's files, each with what the image models said about it ({@code signals}); in the
   * review order unless {@code order} is {@code least-explicit}, {@code date} or {@code posts}.
   */
  @GetMapping("/media")
  public Listing<MediaReads.MediaRow> mediaList(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "false") boolean matched,
      @RequestParam(required = false) String room,
      @RequestParam(required = false) String order,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    String r = room == null || room.isBlank() ? null : room;
    MediaOrder o = MediaOrder.of(order);
    Pager p = Pager.of(page, size).withTotal(media.count(c, matched, r));
    return Listing.of(media.list(c, matched, r, o, p.offset(), p.size()), p);
  }

  @GetMapping("/media/{sha256}/about")
  public MediaDetail mediaAbout(
      @PathVariable UUID caseId, @PathVariable String sha256, Authentication who) {
    OpenCase c = access.open(who, caseId);
    MediaReads.Media m = media.media(c, sha256).orElseThrow(() -> Missing.no("file"));
    c.audit("view_media_page", sha256);
    return new MediaDetail(
        m,
        media.matches(c, sha256),
        media.faceLeads(c, sha256),
        media.nearDuplicates(c, m),
        media.timeline(c, m));
  }

  @GetMapping("/flags")
  public Listing<CaseReads.FlagRow> flags(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    String cat = category == null || category.isBlank() ? null : category;
    String acc = account == null || account.isBlank() ? null : account;
    Pager p = Pager.of(page, size).withTotal(cases.flagCount(c, cat, acc));
    c.audit("view_flags", cat);
    return Listing.of(cases.flags(c, cat, acc, p.offset(), p.size()), p);
  }

  @PostMapping("/flags/{flag}/{decision}")
  public CaseController.Decided decideFlag(
      @PathVariable UUID caseId,
      @PathVariable long flag,
      @PathVariable String decision,
      Authentication who) {
    OpenCase c = access.open(who, caseId);
    var d = CaseController.decision(decision);
    if (!reviews.decideFlag(c, flag, d)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such flag");
    }
    return new CaseController.Decided(d.code());
  }

  @GetMapping("/findings")
  public Listing<CaseReads.FindingRow> findings(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, cases::findingCount, cases::findings);
  }

  @GetMapping("/victims")
  public Listing<CaseReads.VictimRow> victims(
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who) {
    return listing(caseId, who, page, size, cases::victimCount, cases::victims);
  }
}
