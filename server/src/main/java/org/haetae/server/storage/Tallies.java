package org.haetae.server.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The counts the support centre's statistics are made of. */
public interface Tallies {
  record Count(String label, long count) {}

  /**
   * Reports per ISO week (the Monday, UTC) filed since {@code since}; weeks without any left out.
   */
  Map<LocalDate, Long> reportsPerWeek(Instant since);

  /** Reports per platform, the most first (at most 20). */
  List<Count> reportsPerPlatform();

  /** Reports filed since {@code since}. */
  long reportsSince(Instant since);

  /** Reports filed in {@code [from, to)}. */
  long reportsBetween(Instant from, Instant to);

  long noticesSent();

  /** Hours from sending to removal of every removed notice. */
  double[] hoursToRemoval();

  /** Sent notices removed, or sent before {@code sentBefore}. */
  long noticesRemovedOrSentBefore(Instant sentBefore);

  /** Matches in scanned cases per bank, the most first (at most 20). */
  List<Count> matchesPerBank();

  /** Registered victims' hashes seen again, by source (face leads apart). */
  List<Count> portalMatches();
}
