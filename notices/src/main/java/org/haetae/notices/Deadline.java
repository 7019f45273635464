package org.haetae.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The clock a sent notice starts. All instants are UTC; the arithmetic is on elapsed time, so
 * daylight-saving changes anywhere do not move it.
 *
 * @param kind the notice
 * @param sent when it was sent
 * @param due when the platform's time is up (for {@link NoticeKind#KR_KCSC}: when to follow up)
 * @param reminders when to look again, in order, all between {@code sent} and {@code due}
 * @param statutory true when the law sets the time (TAKE IT DOWN: 48 hours), false when it is
 *     Haetae's policy
 */
public record Deadline(
    NoticeKind kind, Instant sent, Instant due, List<Instant> reminders, boolean statutory) {

  /** Where a notice stands against its deadline. */
  public enum Status {
    /** Before the first reminder. */
    ON_TIME,
    /** The first reminder has passed, the deadline has not. */
    DUE_SOON,
    /** Past the deadline. */
    OVERDUE
  }

  public Deadline {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(due, "due");
    reminders = List.copyOf(reminders);
    if (!due.isAfter(sent)) {
      throw new IllegalArgumentException("due " + due + " is not after sent " + sent);
    }
    Instant previous = sent;
    for (Instant r : reminders) {
      if (r.isBefore(previous) || r.isAfter(due)) {
        throw new IllegalArgumentException(
            "reminders must be in order between sent and due: " + reminders);
      }
      previous = r;
    }
  }

  /** The length of the window. */
  public Duration window() {
    return Duration.between(sent, due);
  }

  /**
   * ON_TIME before the first reminder, DUE_SOON from it until {@link #due()} (the due instant
   * itself still counts as in time), OVERDUE after.
   */
  public Status status(Instant now) {
    if (now.isAfter(due)) {
      return Status.OVERDUE;
    }
    Instant soon = reminders.isEmpty() ? due : reminders.get(0);
    return now.isBefore(soon) ? Status.ON_TIME : Status.DUE_SOON;
  }
}
