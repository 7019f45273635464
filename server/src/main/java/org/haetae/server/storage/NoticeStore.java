package org.haetae.server.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haetae.notices.NoticeKind;

/** Takedown notices: drafted for a report, sent with a deadline, answered by the platform. */
public interface NoticeStore {
  /**
   * A notice as stored; {@code sentAt} and {@code dueAt} are null while it is a draft.
   *
   * @param status {@code draft}, {@code sent}, {@code acknowledged}, {@code removed} or {@code
   *     refused}
   */
  record Notice(
      UUID id,
      UUID reportId,
      NoticeKind kind,
      String platform,
      List<String> urls,
      String explanation,
      String language,
      String status,
      String createdBy,
      Instant createdAt,
      Instant sentAt,
      Instant dueAt,
      boolean statutory,
      Instant answeredAt,
      String answer,
      Instant removedAt) {
    /** Sent, and neither removed nor refused: the platform's time is running. */
    public boolean waiting() {
      return status.equals("sent") || status.equals("acknowledged");
    }
  }

  /** A notice to draft, checked and cleaned. */
  record Draft(
      UUID reportId,
      NoticeKind kind,
      String platform,
      List<String> urls,
      String explanation,
      String language) {}

  UUID draft(Draft d, String by);

  Optional<Notice> find(UUID id);

  /** The report's notices, oldest first. */
  List<Notice> ofReport(UUID report);

  /** Notices sent to one platform, newest first. */
  List<Notice> ofPlatform(String platform);

  /** Sent notices still waiting for removal, the soonest due first (at most 200). */
  List<Notice> waiting();

  /** The notices of these reports still waiting for removal. */
  List<Notice> waiting(Collection<UUID> reports);

  /** The notice went out at {@code sent}; the platform's time is up at {@code due}. */
  void markSent(UUID id, Instant sent, Instant due, boolean statutory);

  /**
   * Records the platform's answer.
   *
   * @param status {@code acknowledged}, {@code removed} or {@code refused}
   * @param removedAt when the content was removed; null unless removed
   */
  void answer(UUID id, String status, String answer, Instant removedAt);

  /** Keeps a platform's statement of reasons as it sent it. */
  void addStatement(UUID notice, String platform, String json, String by);
}
