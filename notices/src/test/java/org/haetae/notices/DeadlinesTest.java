package org.haetae.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haetae.notices.Deadline.Status.DUE_SOON;
import static org.haetae.notices.Deadline.Status.ON_TIME;
import static org.haetae.notices.Deadline.Status.OVERDUE;
import static org.haetae.notices.NoticeKind.DSA_ART16;
import static org.haetae.notices.NoticeKind.KR_KCSC;
import static org.haetae.notices.NoticeKind.TAKE_IT_DOWN;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final Deadlines defaults = Deadlines.defaults();

  @Test
  void takeItDownIs48StatutoryHoursEvenAcrossAmericanDaylightSaving() {
    // 8 March 2025, 15:00 in New York; clocks go forward at 2:00 on 9 March.
    Instant sent = Instant.parse("2025-03-08T20:00:00Z");
    Deadline d = defaults.start(TAKE_IT_DOWN, sent);
    assertThat(d.statutory()).isTrue();
    assertThat(d.due()).isEqualTo(Instant.parse("2025-03-10T20:00:00Z"));
    assertThat(d.window()).isEqualTo(Duration.ofHours(48));
    ZoneId newYork = ZoneId.of("America/New_York");
    LocalDateTime wallSent = LocalDateTime.ofInstant(sent, newYork);
    LocalDateTime wallDue = LocalDateTime.ofInstant(d.due(), newYork);
    // 48 elapsed hours are 49 on the wall clock there: the deadline follows elapsed time.
    assertThat(ChronoUnit.HOURS.between(wallSent, wallDue)).isEqualTo(49);
    assertThat(d.reminders())
        .containsExactly(
            Instant.parse("2025-03-09T20:00:00Z"), Instant.parse("2025-03-10T15:12:00Z"));
  }

  @Test
  void dsaTargetIsPolicyDefault72HoursAndConfigurable() {
    // Central European clocks go back at 01:00 UTC on 26 October 2025.
    Instant sent = Instant.parse("2025-10-25T12:00:00Z");
    Deadline d = defaults.start(DSA_ART16, sent);
    assertThat(d.statutory()).isFalse();
    assertThat(d.due()).isEqualTo(Instant.parse("2025-10-28T12:00:00Z"));
    assertThat(d.reminders())
        .containsExactly(
            Instant.parse("2025-10-27T00:00:00Z"), Instant.parse("2025-10-28T04:48:00Z"));
    Deadline faster = defaults.withDsaTarget(Duration.ofHours(24)).start(DSA_ART16, sent);
    assertThat(faster.due()).isEqualTo(Instant.parse("2025-10-26T12:00:00Z"));
    assertThat(defaults.window(DSA_ART16)).isEqualTo(Deadlines.DEFAULT_DSA_TARGET);
  }

  @Test
  void koreanRequestsAreFollowedUpAfter24HoursByDefault() {
    Instant sent = Instant.parse("2025-06-02T01:30:00Z");
    Deadline d = defaults.start(KR_KCSC, sent);
    assertThat(d.statutory()).isFalse();
    assertThat(d.due()).isEqualTo(Instant.parse("2025-06-03T01:30:00Z"));
    assertThat(d.reminders())
        .containsExactly(
            Instant.parse("2025-06-02T13:30:00Z"), Instant.parse("2025-06-02T23:06:00Z"));
    assertThat(defaults.withKrFollowUp(Duration.ofHours(6)).start(KR_KCSC, sent).due())
        .isEqualTo(Instant.parse("2025-06-02T07:30:00Z"));
  }

  @Test
  void statusIsOnTimeThenDueSoonFromTheFirstReminderThenOverdueAfterTheDueInstant() {
    Instant sent = Instant.parse("2025-01-01T00:00:00Z");
    Deadline d = defaults.start(TAKE_IT_DOWN, sent);
    assertThat(d.status(sent.minusSeconds(5))).isEqualTo(ON_TIME);
    assertThat(d.status(sent)).isEqualTo(ON_TIME);
    assertThat(d.status(sent.plus(Duration.ofHours(24)).minusNanos(1))).isEqualTo(ON_TIME);
    assertThat(d.status(sent.plus(Duration.ofHours(24)))).isEqualTo(DUE_SOON);
    assertThat(d.status(d.due())).isEqualTo(DUE_SOON);
    assertThat(d.status(d.due().plusNanos(1))).isEqualTo(OVERDUE);
  }

  @Test
  void aSentNoticeKeepsTheWindowItWasGivenWhenTheTargetChangesLater() {
    Instant sent = Instant.parse("2025-10-25T12:00:00Z");
    Deadline given = defaults.start(DSA_ART16, sent);
    Deadlines faster = defaults.withDsaTarget(Duration.ofHours(24));
    Deadline resumed = faster.resume(DSA_ART16, sent, given.due());
    assertThat(resumed).isEqualTo(given);
    assertThat(faster.start(DSA_ART16, sent).due()).isBefore(given.due());
    Instant later = sent.plus(Duration.ofHours(30));
    assertThat(resumed.status(later)).isEqualTo(ON_TIME);
    assertThat(faster.start(DSA_ART16, sent).status(later)).isEqualTo(OVERDUE);
    assertThatThrownBy(() -> defaults.resume(DSA_ART16, sent, sent))
        .hasMessageContaining("is not after sent");
  }

  @Test
  void reminderFractionsAreConfigurableAndChecked() {
    Deadlines custom =
        new Deadlines(Duration.ofHours(10), Duration.ofHours(10), List.of(0.25, 0.5, 0.75));
    Deadline d = custom.start(DSA_ART16, Instant.EPOCH);
    assertThat(d.reminders())
        .containsExactly(
            Instant.parse("1970-01-01T02:30:00Z"),
            Instant.parse("1970-01-01T05:00:00Z"),
            Instant.parse("1970-01-01T07:30:00Z"));
    Deadline none =
        new Deadlines(Duration.ofHours(1), Duration.ofHours(1), List.of())
            .start(KR_KCSC, Instant.EPOCH);
    assertThat(none.status(Instant.EPOCH.plusSeconds(1800))).isEqualTo(ON_TIME);
    assertThatThrownBy(
            () -> new Deadlines(Duration.ofHours(1), Duration.ofHours(1), List.of(0.9, 0.5)))
        .hasMessageContaining("reminder fractions");
    assertThatThrownBy(() -> new Deadlines(Duration.ofHours(1), Duration.ofHours(1), List.of(1.0)))
        .hasMessageContaining("reminder fractions");
    assertThatThrownBy(() -> defaults.withDsaTarget(Duration.ZERO))
        .hasMessageContaining("dsaTarget must be positive");
    assertThat(defaults.window(TAKE_IT_DOWN)).isEqualTo(Duration.ofHours(48));
  }
}
