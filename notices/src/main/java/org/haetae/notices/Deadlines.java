package org.haetae.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long each notice gives the platform, and when to be reminded.
 *
 * <ul>
 *   <li>{@link NoticeKind#TAKE_IT_DOWN}: 48 hours from sending, set by the Act ({@link
 *       Deadline#statutory()} true); not configurable.
 *   <li>{@link NoticeKind#DSA_ART16}: the DSA says "without undue delay" and sets no hours. The
 *       target (default 72 hours) is Haetae's policy for when to chase, not the statute.
 *   <li>{@link NoticeKind#KR_KCSC}: no statutory time either; the window (default 24 hours) is when
 *       the first follow-up with the commission or the hotline is due.
 * </ul>
 *
 * <p>Reminders fall at fractions of the window (default 50 % and 90 %). Everything is computed on
 * {@link Instant}s, so it is the same in every time zone and across daylight-saving changes.
 */
public final class Deadlines {
  public static final Duration TAKE_IT_DOWN_WINDOW = Duration.ofHours(48);
  public static final Duration DEFAULT_DSA_TARGET = Duration.ofHours(72);
  public static final Duration DEFAULT_KR_FOLLOW_UP = Duration.ofHours(24);
  public static final List<Double> DEFAULT_REMINDERS = List.of(0.5, 0.9);

  private final Duration dsaTarget;
  private final Duration krFollowUp;
  private final List<Double> reminderFractions;

  /**
   * @param dsaTarget the policy target for a DSA notice, positive
   * @param krFollowUp when to follow up a Korean request, positive
   * @param reminderFractions fractions of the window, each in (0, 1), strictly increasing
   */
  public Deadlines(Duration dsaTarget, Duration krFollowUp, List<Double> reminderFractions) {
    this.dsaTarget = positive(dsaTarget, "dsaTarget");
    this.krFollowUp = positive(krFollowUp, "krFollowUp");
    this.reminderFractions = List.copyOf(reminderFractions);
    double previous = 0;
    for (double f : this.reminderFractions) {
      if (!(f > previous && f < 1)) {
        throw new IllegalArgumentException(
            "reminder fractions must rise strictly within (0, 1): " + reminderFractions);
      }
      previous = f;
    }
  }

  /** 72 hours for DSA, 24 hours for Korea, reminders at 50 % and 90 %. */
  public static Deadlines defaults() {
    return new Deadlines(DEFAULT_DSA_TARGET, DEFAULT_KR_FOLLOW_UP, DEFAULT_REMINDERS);
  }

  public Deadlines withDsaTarget(Duration target) {
    return new Deadlines(target, krFollowUp, reminderFractions);
  }

  public Deadlines withKrFollowUp(Duration followUp) {
    return new Deadlines(dsaTarget, followUp, reminderFractions);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
    return d;
  }

  /** The window a notice of {@code kind} gives. */
  public Duration window(NoticeKind kind) {
    return switch (kind) {
      case TAKE_IT_DOWN -> TAKE_IT_DOWN_WINDOW;
      case DSA_ART16 -> dsaTarget;
      case KR_KCSC -> krFollowUp;
    };
  }

  /** True when the law, not policy, sets the window. */
  public static boolean statutory(NoticeKind kind) {
    return kind == NoticeKind.TAKE_IT_DOWN;
  }

  /** The deadline of a notice of {@code kind} sent at {@code sent}. */
  public Deadline start(NoticeKind kind, Instant sent) {
    return resume(kind, sent, sent.plus(window(kind)));
  }

  /**
   * The deadline of a notice sent at {@code sent} whose due instant was fixed then: the window it
   * was given stands even if the configured one has changed since. Reminders fall at this clock's
   * fractions of that window.
   */
  public Deadline resume(NoticeKind kind, Instant sent, Instant due) {
    long millis = Duration.between(sent, due).toMillis();
    List<Instant> reminders = new ArrayList<>();
    for (double f : reminderFractions) {
      reminders.add(sent.plusMillis(Math.round(millis * f)));
    }
    return new Deadline(kind, sent, due, reminders, statutory(kind));
  }
}
