package org.haetae.analysis.result;

/**
 * One Telegram export of the case.
 *
 * @param id short stable id: the first 12 hex digits of the SHA-256 of its {@code result.json}
 * @param path where it was read from
 * @param shape {@code single_chat} or {@code account}
 * @param owner the exporting account's key for an account export, else null
 */
public record ExportInfo(
    String id,
    String path,
    String resultSha256,
    String shape,
    String owner,
    long chats,
    long messages,
    long mediaFiles) {}
