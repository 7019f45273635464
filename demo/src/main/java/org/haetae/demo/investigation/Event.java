package org.haetae.demo.investigation;

/**
 * One scripted message of a room: a request, a picture post or forward, a notable text, or a
 * service action. Built step by step while the script unfolds (a forward learns its time only after
 * its source is placed), hence a plain class rather than a record. Senders and actors are indexes
 * into the {@link Cast}; {@link #CHANNEL} stands for the channel posting as itself.
 */
final class Event {
  static final int CHANNEL = -2;
  static final int NOBODY = -1;

  enum Kind {
    TEXT,
    PHOTO,
    SERVICE
  }

  final int key;
  final Room room;
  final long time;
  final Kind kind;
  int sender = NOBODY;
  String text = "";
  Picture picture;
  int replyTo = -1;
  boolean forwarded;
  int origin = NOBODY;
  String externalOrigin;
  Room savedFrom;
  int placeholderMask;
  boolean request;
  boolean creation;
  boolean fresh;
  long edited;
  String action;
  int[] members = new int[0];
  int inviter = NOBODY;
  int pinned = -1;
  long callSeconds;

  Event(int key, Room room, long time, Kind kind) {
    this.key = key;
    this.room = room;
    this.time = time;
    this.kind = kind;
  }

  /** The account the message counts against: a channel post counts against its signer. */
  int creditedTo(int channelSigner) {
    return sender == CHANNEL ? channelSigner : sender;
  }

  boolean missingIn(int exportOrdinal) {
    return (placeholderMask & (1 << exportOrdinal)) != 0;
  }

  boolean victim() {
    return picture != null && picture.original != null;
  }
}
