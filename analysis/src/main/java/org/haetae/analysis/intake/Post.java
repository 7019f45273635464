package org.haetae.analysis.intake;

import java.util.List;
import org.haetae.analysis.rooms.RoomPart;

/**
 * A message the analysis keeps after reading: one that carries media, records a service action, was
 * flagged, or asks for something that may be material. Plain chat is counted and indexed but not
 * kept, so a case of millions of messages fits in memory.
 *
 * @param sender the sender's actor number, or -1
 * @param forwardedFrom the name a forward came from (a name only: the export has no id)
 * @param author a channel post's signature
 * @param action the service action, or null for an ordinary message
 * @param actionActor the service action's actor number, or -1
 * @param actionNames display names the action names (members invited, removed)
 * @param media SHA-256 of every stored file it carries
 * @param picture true when it carries a photo, stored or not
 * @param flags review flags (cue categories left out)
 * @param reading what it says towards a request (an ask, its act, target and guards), or null when
 *     it does not ask; whether it is a request is decided with its context ({@link
 *     org.haetae.analysis.requests.RequestJudge})
 */
public record Post(
    RoomPart part,
    Long id,
    long date,
    int sender,
    String forwardedFrom,
    String savedFrom,
    String author,
    Long replyTo,
    String action,
    int actionActor,
    List<String> actionNames,
    Long pinned,
    List<String> media,
    boolean picture,
    List<FlagHit> flags,
    org.haetae.analysis.requests.RequestReading reading) {
  public Post {
    // Deleted accounts appear as null names; they name no one.
    actionNames =
        actionNames == null
            ? List.of()
            : actionNames.stream().filter(java.util.Objects::nonNull).toList();
    media = List.copyOf(media);
    flags = List.copyOf(flags);
  }

  public boolean forwarded() {
    return forwardedFrom != null || savedFrom != null;
  }

  /**
   * A flag with the words around it.
   *
   * @param excerpt the matched words with a little context, as the message has them
   */
  public record FlagHit(String category, String rule, String excerpt) {}
}
