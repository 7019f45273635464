package org.haetae.analysis.result;

import java.util.Map;

/**
 * A message whose media matched a bank entry.
 *
 * @param how {@code pdq}, {@code md5} or {@code sha256}
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
    Map<String, String> labels) {
  public BankMatch {
    labels = Map.copyOf(labels);
  }
}
