package org.haetae.analysis.result;

/**
 * Points at one message of the case: the evidence a role, a flag or a spread event cites.
 *
 * @param chatKey the room ({@link ChatSummary#key()})
 * @param messageId the Telegram message id, or null when the export has none
 * @param dateUnix seconds since 1970 (UTC), or 0 when unknown
 * @param export the export that holds it ({@link ExportInfo#id()})
 */
public record MessageRef(String chatKey, Long messageId, long dateUnix, String export) {
  /** {@code chatKey#messageId}, the way the report and the search command name a message. */
  public String label() {
    return chatKey + "#" + (messageId == null ? "?" : messageId);
  }
}
