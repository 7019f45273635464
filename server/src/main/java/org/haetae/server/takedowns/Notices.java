package org.haetae.server.takedowns;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.Deadline;
import org.haetae.notices.NoticeKind;
import org.haetae.pipeline.InputException;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.NoticeStore.Notice;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.web.Missing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takedown notices: drafted for a report, sent with a deadline from the {@link NoticeClock},
 * answered by the platform. Each step is checked here and becomes an event on the report.
 */
@Service
public class Notices {
  private final NoticeStore notices;
  private final ReportStore reports;
  private final NoticeClock clock;
  private final TransactionTemplate tx;

  public Notices(
      NoticeStore notices, ReportStore reports, NoticeClock clock, TransactionTemplate tx) {
    this.notices = notices;
    this.reports = reports;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * @param kind {@code DSA_ART16}, {@code TAKE_IT_DOWN} or {@code KR_KCSC}
   */
  public UUID draft(
      UUID reportId,
      String kind,
      String platform,
      List<String> urls,
      String explanation,
      String language,
      String by) {
    NoticeKind k;
    try {
      k = NoticeKind.valueOf(kind);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InputException("unknown notice kind: " + kind);
    }
    if (platform == null || platform.isBlank()) {
      throw new InputException("name the platform the notice goes to");
    }
    if (urls == null || urls.stream().allMatch(String::isBlank)) {
      throw new InputException("a notice needs the exact location (URL) of the content");
    }
    if (explanation == null || explanation.isBlank()) {
      throw new InputException("a notice needs an explanation of why the content is illegal");
    }
    UUID id =
        notices.draft(
            new NoticeStore.Draft(
                reportId,
                k,
                platform.strip(),
                urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toList(),
                explanation.strip(),
                language == null || language.isBlank() ? "ko" : language),
            by);
    reports.event(reportId, "notice_drafted", kind + " " + platform.strip(), false);
    return id;
  }

  /** The notice; 404 when there is none. */
  public Notice get(UUID id) {
    return notices.find(id).orElseThrow(() -> Missing.no("notice"));
  }

  /** Starts the clock: the notice went out now. */
  public void markSent(UUID id) {
    Notice n = get(id);
    if (n.sentAt() != null) {
      throw new InputException("this notice was already sent");
    }
    Deadline d = clock.start(n.kind());
    tx.executeWithoutResult(
        s -> {
          notices.markSent(id, d.sent(), d.due(), d.statutory());
          reports.event(n.reportId(), "notice_sent", n.platform(), true);
          reports.waitingForPlatform(n.reportId());
        });
  }

  /**
   * Records the platform's answer.
   *
   * @param status {@code acknowledged}, {@code removed} or {@code refused}
   */
  public void answer(UUID id, String status, String answer, Instant removedAt) {
    if (!List.of("acknowledged", "removed", "refused").contains(status)) {
      throw new InputException("the answer is acknowledged, removed or refused");
    }
    Notice n = get(id);
    if (n.sentAt() == null) {
      throw new InputException("record the sending first: the clock starts then");
    }
    Instant removed =
        status.equals("removed") ? (removedAt == null ? clock.now() : removedAt) : null;
    if (removed != null && removed.isBefore(n.sentAt())) {
      throw new InputException("the removal cannot be before the notice was sent");
    }
    tx.executeWithoutResult(
        s -> {
          notices.answer(
              id, status, answer == null || answer.isBlank() ? null : answer.strip(), removed);
          reports.event(
              n.reportId(),
              switch (status) {
                case "removed" -> "content_removed";
                case "refused" -> "platform_refused";
                default -> "platform_acknowledged";
              },
              n.platform(),
              true);
        });
  }
}
