package org.haetae.telegram.model;

import java.util.List;

/**
 * One message as the export has it. Display names ({@code from}, {@code forwardedFrom}, {@code
 * savedFrom}) are names, not ids: a forward can be tied to an account only by name and context.
 *
 * @param seq position of the message in the whole export, from 0
 * @param chatOrdinal the {@link Chat#ordinal()} it belongs to
 * @param id the message id (negative for messages of a basic group before its migration); null when
 *     the export has none
 * @param type {@code message}, {@code service}, {@code unsupported}, or whatever was written
 * @param date local time without zone, as written; {@link #dateUnixtime} is the truth
 * @param dateUnixtime seconds since the epoch, or null in exports that predate the field
 * @param action for service messages
 * @param rawJson the whole message object as read, so unknown fields are kept
 */
public record Message(
    long seq,
    int chatOrdinal,
    Long id,
    String type,
    String date,
    Long dateUnixtime,
    String edited,
    Long editedUnixtime,
    String from,
    PeerId fromId,
    String author,
    String forwardedFrom,
    String savedFrom,
    Long replyToMessageId,
    String replyToPeerId,
    String viaBot,
    Text text,
    List<MediaRef> media,
    ServiceAction action,
    RawJson rawJson) {
  public Message {
    media = List.copyOf(media);
  }
}
