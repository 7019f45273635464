package org.haetae.demo.investigation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.haetae.demo.export.AccountInfo;
import org.haetae.demo.export.ChatInfo;
import org.haetae.demo.export.ExportFormat;
import org.haetae.demo.export.ExportWriter;

/**
 * One Telegram Desktop export being written: its {@code result.json} (whole-account or single-chat
 * shape, streamed) and its media folder. Chats are written one after another through {@link
 * ChatWriter}s, except that two exports can each have one chat open at the same time, which is how
 * a room shared by two exports is played only once.
 */
final class ExportFile implements AutoCloseable {
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
  final ExportWriter w;
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
    this.w = ExportFormat.JSON.open(dir, ActivityClock.KST);
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
    long t = ActivityClock.kst(2024, 2, 14, 13, 2);
    String path = "profile_pictures/photo_1@" + fileDate(t) + ".jpg";
    Picture pic =
        new Picture(
            Pictures.Kind.PROFILE_PICTURE,
            VictimBank.mix(script.options.seed(), 3, 4),
            null,
            Edit.EXACT);
    picture(path, pic, null, null);
    List<AccountInfo.Contact> contacts = new ArrayList<>();
    int n = 0;
    for (int c : List.of(cast.friend, cast.leader, cast.privateCreator)) {
      Cast.Person p = cast.person(c);
      long added = ActivityClock.kst(2024, 1, 3 + 7 * n, 19, 30 + n);
      String phone = String.format("+82 10 0000 12%02d", 40 + n++);
      contacts.add(new AccountInfo.Contact(p.userId, p.nameAt(exportTime), "", phone, added));
      written.saw(c, p.nameAt(exportTime));
    }
    w.beginAccount(
        new AccountInfo(
            owner.userId,
            owner.nameAt(exportTime),
            "",
            "+82 10 0000 1234",
            "@dy_0x0",
            "",
            List.of(new AccountInfo.ProfilePicture(t, path)),
            contacts,
            List.of(
                new AccountInfo.FrequentContact(
                    cast.person(cast.leader).userId,
                    "people",
                    "user",
                    nameOf(cast.leader),
                    "0.81")),
            List.of(new AccountInfo.Session(exportTime - 600, "192.0.2.44", "Telegram Desktop"))));
  }

  /** Closes the chats list and opens the left chats one (account exports). */
  void beginLeftChats() throws IOException {
    w.beginLeftChats();
  }

  /** Opens a chat; messages outside {@code [from, to]} are not this export's. */
  ChatWriter chat(Room room, long from, long to) throws IOException {
    chats++;
    chatNo++;
    String title = room.peer >= 0 ? nameOf(room.peer) : room.titleAt(exportTime);
    w.beginChat(new ChatInfo(room.isSaved() ? null : title, room.type, script.chatId(room)));
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

  /** Ends the document (a single-chat export's root is its chat, closed by its writer). */
  void finish() throws IOException {
    w.finish();
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
