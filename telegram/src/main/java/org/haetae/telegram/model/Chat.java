package org.haetae.telegram.model;

/**
 * One chat of an export.
 *
 * @param ordinal position of the chat in the export, from 0; messages refer to their chat by it
 *     because chat ids can repeat (a chat listed both in {@code chats} and {@code left_chats}) or
 *     be absent
 * @param section {@code single} for a single-chat export, else {@code chats} or {@code left_chats}
 * @param id the chat id, or null when the export has none
 * @param type {@code personal_chat}, {@code private_group}, {@code public_channel}, ... as written
 * @param name the chat name; null for saved messages and deleted chats
 * @param messageCount messages read for this chat
 * @param complete false when the export ends inside this chat
 * @param rawJson the chat's fields other than {@code messages}, as JSON
 */
public record Chat(
    int ordinal,
    String section,
    Long id,
    String type,
    String name,
    long messageCount,
    boolean complete,
    RawJson rawJson) {}
