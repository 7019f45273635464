package org.haetae.analysis.result;

import java.util.List;
import org.haetae.analysis.media.ImageSignals;

/**
 * One distinct media file (by content) of the case.
 *
 * @param sha256 the vault address
 * @param pdq PDQ hex, or null when not an image or not decodable
 * @param quality PDQ quality, or -1
 * @param kind {@code image}, {@code video}, {@code other}
 * @param path one original path inside its export, {@code EXPORT/relative/path}
 * @param cluster near-duplicate group: every item within the PDQ radius of another shares it
 * @param matched true when it matched a bank entry
 * @param signals what the image models said (explicit score, faces), or null
 * @param messages every message that carried it, oldest first (bounded; see {@code messageCount})
 */
public record MediaItem(
    String sha256,
    String md5,
    String pdq,
    int quality,
    String kind,
    String path,
    int cluster,
    boolean matched,
    List<MessageRef> messages,
    long messageCount,
    ImageSignals signals) {
  public MediaItem {
    messages = List.copyOf(messages);
  }

  /** A file no image model looked at. */
  public MediaItem(
      String sha256,
      String md5,
      String pdq,
      int quality,
      String kind,
      String path,
      int cluster,
      boolean matched,
      List<MessageRef> messages,
      long messageCount) {
    this(sha256, md5, pdq, quality, kind, path, cluster, matched, messages, messageCount, null);
  }
}
