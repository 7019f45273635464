package org.haetae.analysis.media;

import java.util.Map;

/**
 * A bank entry a stored file matched.
 *
 * @param entryId the entry's id in its bank (the source's content id when it has one)
 * @param how {@code pdq}, {@code md5} or {@code sha256}
 */
public record MediaMatch(
    String bank, String entryId, String how, int distance, Map<String, String> labels) {
  public MediaMatch {
    labels = Map.copyOf(labels);
  }

  /** Identifies the entry across the case. */
  public String entryKey() {
    return bank + "/" + entryId;
  }
}
