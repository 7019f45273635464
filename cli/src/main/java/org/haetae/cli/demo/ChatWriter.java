package org.haetae.cli.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.haetae.telegram.synth.TdJsonWriter;

/**
 * Writes one chat's messages into an export, as Telegram Desktop would: names as of the export's
 * day, forwards naming only their source's display name, a file per message (or the placeholder of
 * a file the export settings left out), mentions and links as text entities.
 */
final class ChatWriter implements RoomStream.Sink {
  private final ExportFile x;
  private final Room room;
  private final long from;
  private final long to;
  private final String prefix;
  private final long chatId;
  private final TdJsonWriter w;
  private int photoNo;
  long messages;

  ChatWriter(ExportFile x, Room room, long from, long to, String prefix) {
    this.x = x;
    this.room = room;
    this.from = from;
    this.to = to;
    this.prefix = prefix;
    this.chatId = x.script.chatId(room);
    this.w = x.w;
  }

  @Override
  public void message(RoomStream.Msg m) throws IOException {
    if (m.time() < from || m.time() > to) {
      return;
    }
    Event e = m.event();
    boolean service = e != null && e.kind == Event.Kind.SERVICE;
    w.beginObject();
    w.field("id", m.id());
    w.field("type", service ? "service" : "message");
    w.field("date", ExportFile.local(m.time()));
    w.field("date_unixtime", Long.toString(m.time()));
    if (m.edited() > 0) {
      w.field("edited", ExportFile.local(m.edited()));
      w.field("edited_unixtime", Long.toString(m.edited()));
    }
    if (service) {
      service(m, e);
    } else {
      message(m, e);
    }
    w.endObject();
    messages++;
    x.messages++;
  }

  void end() throws IOException {
    w.endArray();
    w.endObject();
  }

  private void service(RoomStream.Msg m, Event e) throws IOException {
    sender("actor", "actor_id", e.sender);
    w.field("action", e.action);
    switch (e.action) {
      case "create_group", "create_channel" -> {
        w.field("title", room.title());
        if (e.action.equals("create_group")) {
          members(e.members);
        }
      }
      case "invite_members", "remove_members" -> members(e.members);
      case "join_group_by_link" -> w.field("inviter", x.nameOf(e.inviter));
      case "pin_message" -> w.field("message_id", m.pinned());
      case "edit_group_title" -> w.field("title", e.text);
      case "edit_group_photo" -> {
        photo(m, e);
      }
      case "phone_call" -> {
        w.field("duration_seconds", e.callSeconds);
        w.field("discard_reason", "hangup");
      }
      default -> {}
    }
    text("");
  }

  private void message(RoomStream.Msg m, Event e) throws IOException {
    sender("from", "from_id", m.sender());
    if (m.sender() == Event.CHANNEL) {
      // A channel post carries its signer's name as it was when posting.
      w.field("author", x.script.cast.person(x.script.cast.leader).name);
    }
    if (e != null && e.forwarded) {
      String source;
      if (e.origin == Event.CHANNEL || e.origin >= 0) {
        source = x.nameOf(e.origin);
      } else {
        source = e.externalOrigin;
      }
      w.field("forwarded_from", source);
    }
    if (e != null && e.savedFrom != null) {
      Room s = e.savedFrom;
      w.field("saved_from", s.peer >= 0 ? x.nameOf(s.peer) : s.titleAt(x.exportTime));
    }
    if (m.replyTo() > 0) {
      w.field("reply_to_message_id", m.replyTo());
    }
    if (e != null && e.picture != null) {
      photo(m, e);
    } else if (m.media() == 1) {
      x.mediaRefs++;
      x.placeholders++;
      w.field("file", ExportFile.NOT_INCLUDED);
      w.field("media_type", "sticker").field("sticker_emoji", "😂");
      w.field("mime_type", "image/webp").field("width", 512).field("height", 512);
    } else if (m.media() == 2) {
      x.mediaRefs++;
      x.placeholders++;
      w.field("file", ExportFile.NOT_INCLUDED);
      w.field("media_type", "voice_message").field("mime_type", "audio/ogg");
      w.field("duration_seconds", 2 + (m.id() % 40));
    }
    text(m.text());
  }

  private void sender(String nameField, String idField, int who) throws IOException {
    if (who == Event.CHANNEL) {
      w.field(nameField, x.nameOf(Event.CHANNEL));
      w.field(idField, "channel" + x.script.chatId(x.script.channel));
      return;
    }
    String name = x.nameOf(who);
    w.field(nameField, name);
    w.field(idField, x.script.cast.person(who).id());
    x.written.saw(who, name);
  }

  private void members(int[] people) throws IOException {
    w.key("members").beginArray();
    for (int p : people) {
      w.string(x.nameOf(p));
    }
    w.endArray();
  }

  private void photo(RoomStream.Msg m, Event e) throws IOException {
    Picture pic = e.picture;
    int[] size = pic.size(x.width, x.height);
    if (e.missingIn(x.ordinal)) {
      x.mediaRefs++;
      x.placeholders++;
      w.field("photo", ExportFile.NOT_INCLUDED);
    } else {
      String path =
          prefix + "photos/photo_" + ++photoNo + "@" + ExportFile.fileDate(m.time()) + ".jpg";
      w.field("photo", path);
      x.picture(path, pic, e, new Long[] {m.id(), chatId});
    }
    w.field("width", size[0]).field("height", size[1]);
  }

  /**
   * Plain text as a string; text with mentions or links as Telegram's mixed array, and always the
   * {@code text_entities} list.
   */
  private void text(String s) throws IOException {
    List<String[]> runs = runs(s);
    if (runs.isEmpty() || (runs.size() == 1 && runs.get(0)[0].equals("plain"))) {
      w.field("text", s);
    } else {
      w.key("text").beginArray();
      for (String[] run : runs) {
        if (run[0].equals("plain")) {
          w.string(run[1]);
        } else {
          w.beginObject().field("type", run[0]).field("text", run[1]).endObject();
        }
      }
      w.endArray();
    }
    w.key("text_entities").beginArray();
    for (String[] run : runs) {
      w.beginObject().field("type", run[0]).field("text", run[1]).endObject();
    }
    w.endArray();
  }

  /** Splits text into plain runs, {@code @mentions} and links, as Telegram marks them. */
  static List<String[]> runs(String s) {
    List<String[]> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    int plainStart = 0;
    int i = 0;
    while (i < s.length()) {
      boolean wordStart = i == 0 || Character.isWhitespace(s.charAt(i - 1));
      int end = -1;
      String type = null;
      if (wordStart && s.charAt(i) == '@') {
        end = i + 1;
        while (end < s.length() && isHandleChar(s.charAt(end))) {
          end++;
        }
        type = end - i > 3 ? "mention" : null;
      } else if (wordStart && (s.startsWith("https://", i) || s.startsWith("http://", i))) {
        end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
          end++;
        }
        type = "link";
      }
      if (type == null) {
        i++;
        continue;
      }
      if (i > plainStart) {
        out.add(new String[] {"plain", s.substring(plainStart, i)});
      }
      out.add(new String[] {type, s.substring(i, end)});
      plainStart = end;
      i = end;
    }
    if (plainStart < s.length()) {
      out.add(new String[] {"plain", s.substring(plainStart)});
    }
    return out;
  }

  private static boolean isHandleChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
