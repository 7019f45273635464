package org.haetae.analysis.text;

/**
 * One message as the index stored it, for reading rather than searching.
 *
 * @param chatId the room (Telegram chat id as text, as {@link TextDocument#chatId()})
 * @param messageId the message id within the room
 * @param fromId the sender's account key ({@code user123}), or empty when unknown
 * @param dateUnix seconds since 1970 (UTC)
 */
public record TextMessage(
    String chatId, long messageId, String fromId, long dateUnix, String text) {

  /** Names one message to {@link TextIndex#find}. */
  public record Id(String chatId, long messageId) {}
}
