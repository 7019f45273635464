package org.haetae.analysis.result;

import java.util.Map;
import org.haetae.analysis.media.FaceEvidence;

/**
 * A message whose media matched a bank entry.
 *
 * @param how {@code pdq}, {@code md5}, {@code sha256} or {@code face}
 * @param face why a face matched (null for hash matches)
 * @param distance Hamming distance for {@code pdq}, 0 for exact matches
 * @param labels the entry's labels (victim case id, category, source)
 */
public record BankMatch(
    MessageRef message,
    String mediaSha256,
    String bank,
    String entryId,
    String how,
    int distance,
    Map<String, String> labels,
    FaceEvidence face) {
  public BankMatch {
    labels = Map.copyOf(labels);
  }

  /** A hash match. */
  public BankMatch(
      MessageRef message,
      String mediaSha256,
      String bank,
      String entryId,
      String how,
      int distance,
      Map<String, String> labels) {
    this(message, mediaSha256, bank, entryId, how, distance, labels, null);
  }
}
