package org.haetae.demo.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ActivityClockTest {
  private final ActivityClock clock =
      new ActivityClock(ActivityClock.kst(2024, 1, 1, 0, 0), ActivityClock.kst(2024, 3, 1, 0, 0));

  @Test
  void spreadsFractionsInOrderOverTheWholeSpan() {
    long last = clock.start();
    for (int i = 0; i <= 1_000; i++) {
      long t = clock.at(i / 1_000.0);
      assertThat(t).isGreaterThanOrEqualTo(last).isLessThan(clock.end());
      assertThat(clock.fraction(t))
          .isCloseTo(i / 1_000.0, org.assertj.core.data.Offset.offset(0.002));
      last = t;
    }
  }

  @Test
  void eveningsAreBusierThanDawn() {
    int evening = 0;
    int dawn = 0;
    for (int i = 0; i < 10_000; i++) {
      int hour =
          LocalDateTime.ofEpochSecond(clock.at((i + 0.5) / 10_000), 0, ActivityClock.KST).getHour();
      evening += hour >= 20 && hour < 23 ? 1 : 0;
      dawn += hour >= 3 && hour < 6 ? 1 : 0;
    }
    assertThat(evening).isGreaterThan(10 * dawn);
  }

  @Test
  void betweenStaysInsideItsBounds() {
    long from = ActivityClock.kst(2024, 2, 1, 0, 0);
    long to = ActivityClock.kst(2024, 2, 2, 0, 0);
    for (int i = 0; i <= 100; i++) {
      assertThat(clock.between(from, to, i / 100.0)).isBetween(from, to);
    }
  }
}
