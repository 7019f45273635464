package org.haetae.server.cases;

import java.time.Instant;

/**
 * A message a page cites (evidence of a role, a post of a picture), with what is known of it.
 *
 * @param text the message's text from the case's index, or null when it has none
 * @param mediaSha256 the picture or file it carried, or null
 * @param mediaKind {@code image}, {@code video} or {@code other}, or null
 */
public record Cited(
    String chatKey,
    Long messageId,
    Instant date,
    String fromKey,
    String text,
    String mediaSha256,
    String mediaKind,
    boolean matched) {
  /** {@code chat123#45}, as the report and the search name a message. */
  public String ref() {
    return chatKey + "#" + (messageId == null ? "?" : messageId);
  }
}
