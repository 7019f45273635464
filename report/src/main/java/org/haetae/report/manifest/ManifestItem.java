package org.haetae.report.manifest;

import java.util.List;

/**
 * One distinct content in the vault, with every file of the exports that had it.
 *
 * @param sha256 SHA-256 of the content: its vault address
 * @param storedSha256 SHA-256 of the encrypted blob as first logged
 * @param kind {@code image}, {@code video}, {@code other}, ... as the ingest classified it
 * @param occurrences every {@code stored} entry naming this content, in log order
 * @param image the {@code hashed} entry's facts, or null when it was not hashed
 */
public record ManifestItem(
    String sha256,
    long size,
    String kind,
    String storedSha256,
    List<Occurrence> occurrences,
    ImageFacts image) {
  public ManifestItem {
    occurrences = List.copyOf(occurrences);
  }
}
