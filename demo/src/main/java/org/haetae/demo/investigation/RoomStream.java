package org.haetae.demo.investigation;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plays one room from its first message to its last: the scripted events, and between them the
 * chatter drawn on the fly, so memory does not grow with the number of messages. Every message is
 * handed to each sink (one per export that carries the room), which keeps the part its export
 * covers; a room shared by two exports is thus played once and is identical in both.
 */
final class RoomStream {
  /**
   * One message as the room has it, before an export shapes it.
   *
   * @param sender a cast index, or {@link Event#CHANNEL}
   * @param replyTo the id replied to, or -1
   * @param media 0 none, 1 a sticker, 2 a voice message (filler only; never downloaded)
   * @param event the scripted event, or null for chatter
   * @param pinned for a pin, the id of the pinned message
   */
  record Msg(
      long id,
      long time,
      long edited,
      int sender,
      String text,
      long replyTo,
      int media,
      Event event,
      long pinned) {}

  /** Receives a room's messages in order. */
  interface Sink {
    void message(Msg m) throws IOException;
  }

  private final Script script;
  private final Room room;
  private final Random r;
  private final int[] speakers;
  private final double[] cumulative;
  private final long[] recent = new long[16];
  private int recentCount;

  private RoomStream(Script script, Room room) {
    this.script = script;
    this.room = room;
    this.r = new Random(VictimBank.mix(script.options.seed(), 100 + room.index, 7));
    int[] roster = room.roster();
    int n = 0;
    int[] s = new int[roster.length];
    for (int p : roster) {
      if (!room.silent.contains(p)) {
        s[n++] = p;
      }
    }
    // A few people do most of the talking: weights fall off with a shuffled rank.
    speakers = java.util.Arrays.copyOf(s, n);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = speakers[i];
      speakers[i] = speakers[j];
      speakers[j] = t;
    }
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 3, 0.9);
      cumulative[i] = sum;
    }
  }

  static void play(Script script, Room room, List<? extends Sink> sinks) throws IOException {
    new RoomStream(script, room).play(sinks);
  }

  private void play(List<? extends Sink> sinks) throws IOException {
    List<Event> events = room.events;
    long filler = room.quota - events.size();
    Map<Integer, Long> ids = new HashMap<>();
    long nextId = room.firstId;
    int ei = 0;
    long fi = 0;
    long fillerTime = filler > 0 ? fillerTime(0, filler) : Long.MAX_VALUE;
    while (ei < events.size() || fi < filler) {
      boolean scripted = ei < events.size() && events.get(ei).time <= fillerTime;
      Msg m;
      if (scripted) {
        Event e = events.get(ei++);
        ids.put(e.key, nextId);
        m =
            new Msg(
                nextId,
                e.time,
                e.edited,
                e.sender,
                e.text,
                e.replyTo < 0 ? -1 : ids.getOrDefault(e.replyTo, -1L),
                0,
                e,
                e.pinned < 0 ? -1 : ids.getOrDefault(e.pinned, -1L));
      } else {
        m = chatter(nextId, fillerTime);
        fi++;
        fillerTime = fi < filler ? Math.max(fillerTime, fillerTime(fi, filler)) : Long.MAX_VALUE;
        recent[recentCount++ % recent.length] = nextId;
      }
      for (Sink s : sinks) {
        s.message(m);
      }
      // Deleted messages leave gaps in the ids.
      nextId += r.nextInt(100) == 0 ? 2 + r.nextInt(3) : 1;
    }
  }

  private long fillerTime(long i, long n) {
    return room.clock.at((i + r.nextDouble()) / n);
  }

  private Msg chatter(long id, long t) {
    long edited = r.nextInt(50) == 0 ? Math.min(room.end(), t + 30 + r.nextInt(900)) : 0;
    if (room.isChannel()) {
      return new Msg(id, t, edited, Event.CHANNEL, Phrases.channelTalk(r), -1, 0, null, -1);
    }
    if (room.isSaved()) {
      return new Msg(id, t, edited, script.cast.owner, Phrases.savedNote(r), -1, 0, null, -1);
    }
    if (room.type.equals("bot_chat")) {
      boolean bot = r.nextBoolean();
      String text =
          bot
              ? Phrases.pick(r, Phrases.KO.list("bot-replies"))
              : Phrases.pick(r, List.of("/start", "/link", "/help"));
      return new Msg(id, t, 0, bot ? room.peer : script.cast.owner, text, -1, 0, null, -1);
    }
    int sender = speaker(t);
    int roll = r.nextInt(100);
    int media = roll < 3 ? 1 : roll < 4 ? 2 : 0;
    String text = media != 0 ? "" : Phrases.chat(r, room.korean);
    if (media == 0 && r.nextInt(100) == 0) {
      text = (room.korean ? "이거 봐 " : "look ") + "https://example.com/v/" + r.nextInt(100_000);
    }
    long replyTo = -1;
    if (recentCount > 0 && r.nextInt(100) < 8) {
      replyTo = recent[r.nextInt(Math.min(recentCount, recent.length))];
    }
    return new Msg(id, t, media == 0 ? edited : 0, sender, text, replyTo, media, null, -1);
  }

  private int speaker(long t) {
    if (speakers.length == 0) {
      return room.host;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      double x = r.nextDouble() * cumulative[cumulative.length - 1];
      int i = java.util.Arrays.binarySearch(cumulative, x);
      int p = speakers[Math.min(speakers.length - 1, i >= 0 ? i : -i - 1)];
      if (room.activeAt(p, t)) {
        return p;
      }
    }
    return room.host;
  }
}
