package org.haetae.telegram.read;

/**
 * How reading went.
 *
 * @param shape {@code single_chat} or {@code account}
 * @param complete false when the JSON ended early or broke: everything before was delivered
 * @param errorOffset byte offset in {@code result.json} where reading stopped, or -1
 * @param error what went wrong there (no content quoted), or null
 * @param lastMessageId the id of the last complete message before the error, or null
 */
public record ReadSummary(
    String shape,
    long chats,
    long messages,
    long mediaRefs,
    long findings,
    boolean complete,
    long errorOffset,
    String error,
    Long lastMessageId,
    long bytes) {}
