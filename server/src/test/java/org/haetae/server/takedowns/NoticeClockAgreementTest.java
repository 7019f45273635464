package org.haetae.server.takedowns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.Deadline;
import org.haetae.notices.Deadlines;
import org.haetae.notices.NoticeKind;
import org.haetae.server.storage.NoticeStore.Notice;
import org.junit.jupiter.api.Test;

/**
 * The support desk shows a notice's clock exactly as the {@code notices} module counts it: before
 * one clock, the desk called only the last tenth of the window "due soon" while {@link Deadline}
 * says so from the first reminder (half the window).
 */
class NoticeClockAgreementTest {
  private final Deadlines deadlines = Deadlines.defaults();
  private final Instant sent = Instant.parse("2025-03-08T20:00:00Z");

  private static Notice notice(NoticeKind kind, Deadline d, String status, Instant answered) {
    return new Notice(
        UUID.randomUUID(),
        UUID.randomUUID(),
        kind,
        "ExampleChat",
        List.of("https://example.invalid/1"),
        "why",
        "en",
        status,
        "staff",
        d == null ? Instant.EPOCH : d.sent(),
        d == null ? null : d.sent(),
        d == null ? null : d.due(),
        d != null && d.statutory(),
        answered,
        null,
        null);
  }

  private NoticeClock at(Instant now) {
    return new NoticeClock(deadlines, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void theDeskAndTheNoticesModuleAgreeAtEveryPointOfTheWindow() {
    for (NoticeKind kind : NoticeKind.values()) {
      Deadline d = deadlines.start(kind, sent);
      Notice n = notice(kind, d, "sent", null);
      for (int percent = 0; percent <= 110; percent++) {
        Instant now = sent.plus(d.window().multipliedBy(percent).dividedBy(100));
        assertThat(at(now).standing(n))
            .as("%s at %d %% of its window", kind, percent)
            .isEqualTo(d.status(now).name());
      }
      assertThat(at(d.reminders().get(0)).standing(n)).isEqualTo("DUE_SOON");
      assertThat(at(d.reminders().get(0).minusNanos(1)).standing(n)).isEqualTo("ON_TIME");
      assertThat(at(d.due()).standing(n)).isEqualTo("DUE_SOON");
      assertThat(at(d.due().plusNanos(1)).standing(n)).isEqualTo("OVERDUE");
      assertThat(at(d.due().plusNanos(1)).status(n)).contains(Deadline.Status.OVERDUE);
    }
  }

  @Test
  void sendingStartsTheDeadlineOfTheKindAndAnAnswerStopsTheClock() {
    NoticeClock clock = at(sent);
    Deadline d = clock.start(NoticeKind.TAKE_IT_DOWN);
    assertThat(d.sent()).isEqualTo(sent);
    assertThat(d.window()).isEqualTo(Duration.ofHours(48));
    assertThat(d.statutory()).isTrue();
    // A sent notice keeps the window it was given, whatever the policy says later.
    NoticeClock faster =
        new NoticeClock(
            deadlines.withDsaTarget(Duration.ofHours(1)), Clock.fixed(sent, ZoneOffset.UTC));
    Deadline dsa = deadlines.start(NoticeKind.DSA_ART16, sent);
    assertThat(faster.deadline(notice(NoticeKind.DSA_ART16, dsa, "sent", null))).contains(dsa);

    Instant late = d.due().plus(Duration.ofHours(1));
    assertThat(at(late).standing(notice(NoticeKind.TAKE_IT_DOWN, null, "draft", null)))
        .isEqualTo(NoticeClock.DRAFT);
    assertThat(at(late).status(notice(NoticeKind.TAKE_IT_DOWN, null, "draft", null))).isEmpty();
    assertThat(at(late).standing(notice(NoticeKind.TAKE_IT_DOWN, d, "acknowledged", sent)))
        .isEqualTo("OVERDUE");
    assertThat(at(late).standing(notice(NoticeKind.TAKE_IT_DOWN, d, "removed", sent)))
        .isEqualTo(NoticeClock.ANSWERED);
  }
}
