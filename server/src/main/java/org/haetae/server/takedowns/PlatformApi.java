package org.haetae.server.takedowns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.NoticeKind;
import org.haetae.server.portal.Reports;
import org.haetae.server.portal.ReuploadMonitor;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.RegisteredHashes;
import org.haetae.server.storage.UserStore;
import org.haetae.server.web.Missing;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * What a platform sees: the notices sent to it (and only those), where it answers them with its
 * decision and statement of reasons, and a hash check against victims' registered hashes at upload.
 * A platform never sees a report, a victim or a case.
 */
@RestController
public class PlatformApi {
  private final Notices notices;
  private final NoticeStore store;
  private final Takedowns takedowns;
  private final ReuploadMonitor monitor;
  private final UserStore users;
  private final AuditLog audit;

  public PlatformApi(
      Notices notices,
      NoticeStore store,
      Takedowns takedowns,
      ReuploadMonitor monitor,
      UserStore users,
      AuditLog audit) {
    this.notices = notices;
    this.store = store;
    this.takedowns = takedowns;
    this.monitor = monitor;
    this.users = users;
    this.audit = audit;
  }

  /** A notice as its platform sees it: where, why, when it is due. */
  public record PlatformNotice(
      UUID id,
      NoticeKind kind,
      List<String> urls,
      String explanation,
      Instant sentAt,
      Instant dueAt,
      boolean statutory,
      String status) {}

  public record Answer(
      String status, String answer, Instant removedAt, JsonNode statementOfReasons) {}

  /** A file checked at upload. */
  public record Check(String sha256, String md5, String pdq, Integer quality) {}

  /** Whether it matches a victim's registered hash (never whose). */
  public record CheckResult(boolean match, int distance) {}

  private String platformOf(Authentication who) {
    return users
        .organisation(who.getName())
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "this platform login is not tied to a platform"));
  }

  @GetMapping("/api/v1/platform/notices")
  public List<PlatformNotice> list(Authentication who) {
    return store.ofPlatform(platformOf(who)).stream().map(PlatformApi::view).toList();
  }

  @GetMapping("/api/v1/platform/notices/{id}")
  public PlatformNotice one(@PathVariable UUID id, Authentication who) {
    return view(mine(id, who));
  }

  @GetMapping("/api/v1/platform/notices/{id}/text")
  public String text(@PathVariable UUID id, Authentication who) {
    mine(id, who);
    return takedowns.text(id);
  }

  /**
   * The statement of reasons for this removal, ready for the DSA Transparency Database (schema v2
   * JSON), filled from the notice; the platform adds its own item id.
   */
  @GetMapping(
      value = "/api/v1/platform/notices/{id}/statement-of-reasons",
      produces = "application/json")
  public String statement(
      @PathVariable UUID id,
      @RequestParam String puid,
      @RequestParam(defaultValue = "EU") List<String> scope,
      Authentication who) {
    mine(id, who);
    return takedowns.statementFor(id, puid, scope);
  }

  @PostMapping("/api/v1/platform/notices/{id}/answer")
  public PlatformNotice answer(@PathVariable UUID id, @RequestBody Answer a, Authentication who) {
    NoticeStore.Notice n = mine(id, who);
    if (a.statementOfReasons() != null) {
      takedowns.recordStatement(n, a.statementOfReasons().toString(), who.getName());
    }
    notices.answer(id, a.status(), a.answer(), a.removedAt());
    audit.record(who.getName(), "notice_answered", null, id + " " + a.status());
    return view(notices.get(id));
  }

  @PostMapping("/api/v1/platform/match")
  public CheckResult match(@RequestBody Check c, Authentication who) {
    String platform = platformOf(who);
    Reports.checkHashes("the file", c.pdq(), c.quality(), c.md5(), c.sha256());
    List<RegisteredHashes.Hit> hits =
        monitor.checkPlatform(
            platform, new RegisteredHashes.Candidate(c.sha256(), c.md5(), c.pdq(), c.quality()));
    return new CheckResult(
        !hits.isEmpty(), hits.stream().mapToInt(RegisteredHashes.Hit::distance).min().orElse(-1));
  }

  /** A notice sent to the caller's platform; anything else is "no such notice". */
  private NoticeStore.Notice mine(UUID id, Authentication who) {
    String platform = platformOf(who);
    NoticeStore.Notice n = store.find(id).orElseThrow(() -> Missing.no("notice"));
    if (!n.platform().equals(platform) || n.sentAt() == null) {
      throw Missing.no("notice");
    }
    return n;
  }

  private static PlatformNotice view(NoticeStore.Notice n) {
    return new PlatformNotice(
        n.id(),
        n.kind(),
        n.urls(),
        n.explanation(),
        n.sentAt(),
        n.dueAt(),
        n.statutory(),
        n.status());
  }
}
