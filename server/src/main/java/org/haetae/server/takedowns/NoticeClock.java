package org.haetae.server.takedowns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.haetae.notices.Deadline;
import org.haetae.notices.Deadlines;
import org.haetae.notices.NoticeKind;
import org.haetae.server.storage.NoticeStore.Notice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's notice clock: the {@code notices} module's {@link Deadlines}, with this centre's
 * windows (the 48 hours of TAKE IT DOWN are the statute's; the DSA and Korean windows are policy,
 * configurable). Sending starts a notice's {@link Deadline}; every page, the queue's count of
 * overdue notices and the reminders list read it back from here, so they all say the same.
 */
@Component
public class NoticeClock {
  /** What a notice's clock shows besides a {@link Deadline.Status}. */
  public static final String DRAFT = "DRAFT";

  public static final String ANSWERED = "ANSWERED";

  private final Deadlines deadlines;
  private final Clock clock;

  @Autowired
  public NoticeClock(
      @Value("${haetae.notices.dsa-target-hours:72}") long dsaHours,
      @Value("${haetae.notices.kr-follow-up-hours:24}") long krHours) {
    this(
        Deadlines.defaults()
            .withDsaTarget(Duration.ofHours(dsaHours))
            .withKrFollowUp(Duration.ofHours(krHours)),
        Clock.systemUTC());
  }

  public NoticeClock(Deadlines deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The deadline a notice of {@code kind} sent now starts. */
  public Deadline start(NoticeKind kind) {
    return deadlines.start(kind, now());
  }

  /** The deadline of a sent notice, as fixed when it was sent; empty for a draft. */
  public Optional<Deadline> deadline(Notice n) {
    return n.sentAt() == null
        ? Optional.empty()
        : Optional.of(deadlines.resume(n.kind(), n.sentAt(), n.dueAt()));
  }

  /** Where a sent notice stands against its deadline now; empty for a draft. */
  public Optional<Deadline.Status> status(Notice n) {
    Instant now = now();
    return deadline(n).map(d -> d.status(now));
  }

  /**
   * What the notice's clock shows: {@link #DRAFT} before it is sent, {@link #ANSWERED} once the
   * platform removed the content or refused, else its {@link Deadline.Status} (an acknowledgement
   * does not stop the clock).
   */
  public String standing(Notice n) {
    if (n.sentAt() == null) {
      return DRAFT;
    }
    if (n.answeredAt() != null && !n.status().equals("acknowledged")) {
      return ANSWERED;
    }
    return status(n).orElseThrow().name();
  }
}
