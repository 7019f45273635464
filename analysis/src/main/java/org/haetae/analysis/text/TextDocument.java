package org.haetae.analysis.text;

/**
 * One message's text as the index sees it: where it was said, by whom, when.
 *
 * @param chatId the room (Telegram chat id as text)
 * @param messageId the message id within the room
 * @param fromId the sender's account id ({@code user123}), or empty when unknown
 * @param dateUnix seconds since 1970 (UTC)
 */
public record TextDocument(
    String chatId, long messageId, String fromId, long dateUnix, String text) {
  public TextDocument {
    if (chatId == null || chatId.isEmpty()) {
      throw new IllegalArgumentException("chatId is required");
    }
    fromId = fromId == null ? "" : fromId;
    text = text == null ? "" : text;
  }
}
