package org.haetae.analysis.result;

import java.util.List;

/**
 * One room, merged across exports that hold it.
 *
 * @param key stable id in the report: {@code chat<ID>} from the Telegram chat id, or {@code
 *     EXPORT:ORDINAL} for a chat without id
 * @param telegramId the chat id, or null
 * @param type {@code private_group}, {@code public_channel}, {@code personal_chat}, ...
 * @param members accounts seen in it (senders, joined, invited)
 * @param matchedMedia messages in it carrying matched media
 * @param exports ids of the exports it appears in
 */
public record ChatSummary(
    String key,
    Long telegramId,
    String type,
    String name,
    long messages,
    long members,
    long matchedMedia,
    Long firstDate,
    Long lastDate,
    List<String> exports) {
  public ChatSummary {
    exports = List.copyOf(exports);
  }
}
