package org.haetae.demo.investigation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.haetae.demo.export.ExportMessage;
import org.haetae.demo.export.ExportMessage.Forward;
import org.haetae.demo.export.ExportMessage.Media;
import org.haetae.demo.export.ExportMessage.MediaFile;
import org.haetae.demo.export.ExportMessage.Photo;
import org.haetae.demo.export.ExportMessage.Sender;
import org.haetae.demo.export.ExportMessage.ServiceAction;

/**
 * Turns one room's messages into one export's chat, as Telegram Desktop would show them: names as
 * of the export's day, forwards naming only their source's display name, a file per message (or the
 * placeholder of a file the export settings left out). The export's {@link
 * org.haetae.demo.export.ExportWriter} lays them out.
 */
final class ChatWriter implements RoomStream.Sink {
  private final ExportFile x;
  private final Room room;
  private final long from;
  private final long to;
  private final String prefix;
  private final long chatId;
  private int photoNo;
  long messages;

  ChatWriter(ExportFile x, Room room, long from, long to, String prefix) {
    this.x = x;
    this.room = room;
    this.from = from;
    this.to = to;
    this.prefix = prefix;
    this.chatId = x.script.chatId(room);
  }

  @Override
  public void message(RoomStream.Msg m) throws IOException {
    if (m.time() < from || m.time() > to) {
      return;
    }
    Event e = m.event();
    boolean service = e != null && e.kind == Event.Kind.SERVICE;
    x.w.message(service ? service(m, e) : message(m, e));
    messages++;
    x.messages++;
  }

  void end() throws IOException {
    x.w.endChat();
  }

  private ExportMessage service(RoomStream.Msg m, Event e) {
    Sender actor = sender(e.sender);
    ServiceAction action =
        switch (e.action) {
          case "create_group" -> new ServiceAction.CreateGroup(room.title(), names(e.members));
          case "create_channel" -> new ServiceAction.CreateChannel(room.title());
          case "invite_members" -> new ServiceAction.InviteMembers(names(e.members));
          case "remove_members" -> new ServiceAction.RemoveMembers(names(e.members));
          case "join_group_by_link" -> new ServiceAction.JoinByLink(x.nameOf(e.inviter));
          case "pin_message" -> new ServiceAction.PinMessage(m.pinned());
          case "edit_group_title" -> new ServiceAction.EditTitle(e.text);
          case "edit_group_photo" -> new ServiceAction.EditPhoto(photo(m, e));
          case "phone_call" -> new ServiceAction.PhoneCall(e.callSeconds, "hangup");
          default -> throw new IllegalStateException("no service action " + e.action);
        };
    return new ExportMessage(
        m.id(), m.time(), m.edited(), actor, null, null, null, 0, null, action, "");
  }

  private ExportMessage message(RoomStream.Msg m, Event e) {
    Sender sender = sender(m.sender());
    // A channel post carries its signer's name as it was when posting.
    String author =
        m.sender() == Event.CHANNEL ? x.script.cast.person(x.script.cast.leader).name : null;
    Forward forward = null;
    if (e != null && e.forwarded) {
      boolean known = e.origin == Event.CHANNEL || e.origin >= 0;
      forward = new Forward(known ? x.nameOf(e.origin) : e.externalOrigin);
    }
    String savedFrom = null;
    if (e != null && e.savedFrom != null) {
      Room s = e.savedFrom;
      savedFrom = s.peer >= 0 ? x.nameOf(s.peer) : s.titleAt(x.exportTime);
    }
    Media media = null;
    if (e != null && e.picture != null) {
      media = photo(m, e);
    } else if (m.media() == 1) {
      x.mediaRefs++;
      x.placeholders++;
      media = new MediaFile(null, "sticker", "😂", "image/webp", 512, 512, 0);
    } else if (m.media() == 2) {
      x.mediaRefs++;
      x.placeholders++;
      media =
          new MediaFile(null, "voice_message", null, "audio/ogg", 0, 0, 2 + (int) (m.id() % 40));
    }
    return new ExportMessage(
        m.id(),
        m.time(),
        m.edited(),
        sender,
        author,
        forward,
        savedFrom,
        m.replyTo(),
        media,
        null,
        m.text());
  }

  private Sender sender(int who) {
    if (who == Event.CHANNEL) {
      return new Sender(x.nameOf(Event.CHANNEL), "channel" + x.script.chatId(x.script.channel));
    }
    String name = x.nameOf(who);
    x.written.saw(who, name);
    return new Sender(name, x.script.cast.person(who).id());
  }

  private List<String> names(int[] people) {
    List<String> names = new ArrayList<>(people.length);
    for (int p : people) {
      names.add(x.nameOf(p));
    }
    return names;
  }

  private Photo photo(RoomStream.Msg m, Event e) {
    Picture pic = e.picture;
    int[] size = pic.size(x.width, x.height);
    if (e.missingIn(x.ordinal)) {
      x.mediaRefs++;
      x.placeholders++;
      return new Photo(null, size[0], size[1]);
    }
    String path =
        prefix + "photos/photo_" + ++photoNo + "@" + ExportFile.fileDate(m.time()) + ".jpg";
    x.picture(path, pic, e, new Long[] {m.id(), chatId});
    return new Photo(path, size[0], size[1]);
  }
}
