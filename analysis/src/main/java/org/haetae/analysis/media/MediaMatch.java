package org.haetae.analysis.media;

import java.util.Map;

/**
 * A bank entry a stored file matched.
 *
 * @param entryId the entry's id in its bank (the source's content id when it has one; the person's
 *     id in a face bank)
 * @param how {@code pdq}, {@code md5}, {@code sha256} or {@code face}
 * @param distance Hamming distance for {@code pdq}; for {@code face}, the descriptor distance in
 *     thousandths
 * @param face why a face matched, or null for hash matches
 */
public record MediaMatch(
    String bank,
    String entryId,
    String how,
    int distance,
    Map<String, String> labels,
    FaceEvidence face) {
  public MediaMatch {
    labels = Map.copyOf(labels);
  }

  /** A hash match. */
  public MediaMatch(
      String bank, String entryId, String how, int distance, Map<String, String> labels) {
    this(bank, entryId, how, distance, labels, null);
  }

  /** Identifies the entry across the case. */
  public String entryKey() {
    return bank + "/" + entryId;
  }
}
