package org.haetae.cli.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.haetae.telegram.synth.TdJsonWriter;

/**
 * One Telegram Desktop export being written: its {@code result.json} (whole-account or single-chat
 * shape, streamed) and its media folder. Chats are written one after another through {@link
 * ChatWriter}s, except that two exports can each have one chat open at the same time, which is how
 * a room shared by two exports is played only once.
 */
final class ExportFile implements AutoCloseable {
  static final String NOT_INCLUDED =
      "(File not included. Change data exporting settings to download.)";
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("dd-MM-yyyy_HH-mm-ss");

  final String name;
  final int ordinal;
  final Path dir;
  final long exportTime;
  final boolean account;
  final Script script;
  final MediaFiles media;
  final Written written;
  final int width;
  final int height;
  final TdJsonWriter w;
  private final OutputStream out;
  private int chatNo;
  long chats;
  long messages;
  long mediaRefs;
  long placeholders;
  long imageFiles;

  ExportFile(
      String name,
      int ordinal,
      Path dir,
      long exportTime,
      boolean account,
      Script script,
      MediaFiles media,
      Written written,
      int width,
      int height)
      throws IOException {
    this.name = name;
    this.ordinal = ordinal;
    this.dir = dir;
    this.exportTime = exportTime;
    this.account = account;
    this.script = script;
    this.media = media;
    this.written = written;
    this.width = width;
    this.height = height;
    Files.createDirectories(dir);
    this.out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("result.json")), 1 << 16);
    this.w = new TdJsonWriter(out);
  }

  static String local(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ActivityClock.KST).format(ISO);
  }

  static String fileDate(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ActivityClock.KST).format(FILE_DATE);
  }

  /** A display name as this export shows it. */
  String nameOf(int person) {
    if (person == Event.CHANNEL) {
      return script.channel.titleAt(exportTime);
    }
    return script.cast.person(person).nameAt(exportTime);
  }

  /** The root of a whole-account export, up to the opened list of chats. */
  void beginAccount() throws IOException {
    Cast cast = script.cast;
    Cast.Person owner = cast.person(cast.owner);
    written.saw(cast.owner, owner.nameAt(exportTime));
    w.beginObject();
    w.field("about", "Here is the data you requested.");
    w.key("personal_information").beginObject();
    w.field("user_id", owner.userId);
    w.field("first_name", owner.nameAt(exportTime));
    w.field("last_name", "");
    w.field("phone_number", "+82 10 0000 1234");
    w.field("username", "@dy_0x0");
    w.field("bio", "");
    w.endObject();
    w.key("profile_pictures").beginArray();
    long t = ActivityClock.kst(2024, 2, 14, 13, 2);
    String path = "profile_pictures/photo_1@" + fileDate(t) + ".jpg";
    Picture pic =
        new Picture(
            Pictures.Kind.PROFILE_PICTURE,
            VictimBank.mix(script.options.seed(), 3, 4),
            null,
            Edit.EXACT);
    w.beginObject().field("date", local(t)).field("date_unixtime", Long.toString(t));
    w.field("photo", path).endObject();
    w.endArray();
    picture(path, pic, null, null);
    w.key("contacts").beginObject();
    w.field("about", "This page lists all the contacts you have in Telegram.");
    w.key("list").beginArray();
    int n = 0;
    for (int c : List.of(cast.friend, cast.leader, cast.privateCreator)) {
      Cast.Person p = cast.person(c);
      long added = ActivityClock.kst(2024, 1, 3 + 7 * n, 19, 30 + n);
      w.beginObject();
      w.field("user_id", p.userId);
      w.field("first_name", p.nameAt(exportTime)).field("last_name", "");
      w.field("phone_number", String.format("+82 10 0000 12%02d", 40 + n++));
      w.field("date", local(added)).field("date_unixtime", Long.toString(added));
      w.endObject();
      written.saw(c, p.nameAt(exportTime));
    }
    w.endArray().endObject();
    w.key("frequent_contacts").beginObject();
    w.field("about", "This page lists the people you message most often.");
    w.key("list").beginArray();
    w.beginObject().field("id", cast.person(cast.leader).userId).field("category", "people");
    w.field("type", "user").field("name", nameOf(cast.leader)).key("rating").decimal("0.81");
    w.endObject();
    w.endArray().endObject();
    w.key("sessions").beginObject();
    w.field("about", "We store this to display your connected devices.");
    w.key("list").beginArray();
    w.beginObject();
    w.field("last_active", local(exportTime - 600));
    w.field("last_active_unixtime", Long.toString(exportTime - 600));
    w.field("ip", "192.0.2.44").field("application_name", "Telegram Desktop");
    w.endObject();
    w.endArray().endObject();
    w.key("chats").beginObject();
    w.field("about", "This page lists all chats from this export.");
    w.key("list").beginArray();
  }

  /** Closes the chats list and opens the left chats one (account exports). */
  void beginLeftChats() throws IOException {
    w.endArray().endObject();
    w.key("left_chats").beginObject();
    w.field("about", "This page lists all supergroups and channels you left.");
    w.key("list").beginArray();
  }

  /** Opens a chat; messages outside {@code [from, to]} are not this export's. */
  ChatWriter chat(Room room, long from, long to) throws IOException {
    chats++;
    chatNo++;
    w.beginObject();
    if (!room.isSaved()) {
      w.field("name", room.peer >= 0 ? nameOf(room.peer) : room.titleAt(exportTime));
    }
    w.field("type", room.type);
    w.field("id", script.chatId(room));
    w.key("messages").beginArray();
    String prefix = account ? String.format("chats/chat_%03d/", chatNo) : "";
    return new ChatWriter(this, room, from, to, prefix);
  }

  /** Writes a picture file (in the background) and notes it for the ground truth. */
  void picture(String path, Picture pic, Event event, Long[] messageAndChat) {
    media.write(dir.resolve(path), () -> pic.bytes(width, height));
    mediaRefs++;
    imageFiles++;
    List<Long> ids = messageAndChat == null ? List.of() : List.of(messageAndChat[0]);
    Long chatId = messageAndChat == null ? null : messageAndChat[1];
    if (pic.original != null) {
      int credited = event.creditedTo(script.cast.leader);
      written.planted.add(
          new GroundTruth.Planted(
              name,
              path,
              pic.original.entryId(),
              pic.edit.label(),
              ids,
              chatId,
              script.cast.person(credited).id(),
              event.time,
              pic.distance));
    } else {
      written.unrelated.add(new GroundTruth.Unrelated(name, path, pic.kind.code(), ids, chatId));
    }
  }

  /** Closes the root (a single-chat export's root is its chat, closed by its writer). */
  void finish() throws IOException {
    if (account) {
      w.endArray().endObject();
      w.endObject();
    }
    w.raw("\n");
  }

  Investigation.ExportSummary summary() {
    return new Investigation.ExportSummary(
        name,
        account ? "account" : "single_chat",
        chats,
        messages,
        mediaRefs,
        placeholders,
        imageFiles);
  }

  @Override
  public void close() throws IOException {
    w.close();
  }
}
