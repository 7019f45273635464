package org.haetae.analysis.result;

import java.util.List;

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
    long messageCount) {
  public MediaItem {
    messages = List.copyOf(messages);
  }
}
