package org.haetae.demo.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.haetae.demo.export.ExportMessage.MediaFile;
import org.haetae.demo.export.ExportMessage.Photo;
import org.haetae.demo.export.ExportMessage.ServiceAction;

/**
 * Writes an export as Telegram Desktop's JSON does ({@code result.json}): its keys, their order,
 * its fixed "about" texts, local dates beside Unix times, and text with mentions or links as a
 * mixed array plus {@code text_entities}. Streams: nothing but the open nesting is kept.
 */
public final class JsonExportWriter implements ExportWriter {
  /** What Telegram writes instead of a path when the export settings left a file out. */
  public static final String NOT_INCLUDED =
      "(File not included. Change data exporting settings to download.)";

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final TdJsonWriter w;
  private final ZoneOffset zone;
  private boolean account;

  public JsonExportWriter(Path dir, ZoneOffset zone) throws IOException {
    Files.createDirectories(dir);
    this.w =
        new TdJsonWriter(
            new BufferedOutputStream(Files.newOutputStream(dir.resolve("result.json")), 1 << 16));
    this.zone = zone;
  }

  @Override
  public void beginAccount(AccountInfo a) throws IOException {
    account = true;
    w.beginObject();
    w.field("about", "Here is the data you requested.");
    w.key("personal_information").beginObject();
    w.field("user_id", a.userId());
    w.field("first_name", a.firstName());
    w.field("last_name", a.lastName());
    w.field("phone_number", a.phone());
    w.field("username", a.username());
    w.field("bio", a.bio());
    w.endObject();
    w.key("profile_pictures").beginArray();
    for (AccountInfo.ProfilePicture p : a.profilePictures()) {
      w.beginObject();
      date("date", p.time());
      w.field("photo", p.path()).endObject();
    }
    w.endArray();
    list("contacts", "This page lists all the contacts you have in Telegram.");
    for (AccountInfo.Contact c : a.contacts()) {
      w.beginObject();
      w.field("user_id", c.userId());
      w.field("first_name", c.firstName()).field("last_name", c.lastName());
      w.field("phone_number", c.phone());
      date("date", c.added());
      w.endObject();
    }
    w.endArray().endObject();
    list("frequent_contacts", "This page lists the people you message most often.");
    for (AccountInfo.FrequentContact f : a.frequentContacts()) {
      w.beginObject().field("id", f.id()).field("category", f.category());
      w.field("type", f.type()).field("name", f.name()).key("rating").decimal(f.rating());
      w.endObject();
    }
    w.endArray().endObject();
    list("sessions", "We store this to display your connected devices.");
    for (AccountInfo.Session s : a.sessions()) {
      w.beginObject();
      date("last_active", s.lastActive());
      w.field("ip", s.ip()).field("application_name", s.application());
      w.endObject();
    }
    w.endArray().endObject();
    list("chats", "This page lists all chats from this export.");
  }

  @Override
  public void beginLeftChats() throws IOException {
    w.endArray().endObject();
    list("left_chats", "This page lists all supergroups and channels you left.");
  }

  @Override
  public void beginChat(ChatInfo chat) throws IOException {
    w.beginObject();
    if (chat.name() != null) {
      w.field("name", chat.name());
    }
    w.field("type", chat.type());
    w.field("id", chat.id());
    w.key("messages").beginArray();
  }

  @Override
  public void message(ExportMessage m) throws IOException {
    w.beginObject();
    w.field("id", m.id());
    w.field("type", m.isService() ? "service" : "message");
    date("date", m.time());
    if (m.edited() > 0) {
      date("edited", m.edited());
    }
    if (m.isService()) {
      w.field("actor", m.from().name()).field("actor_id", m.from().id());
      w.field("action", m.action().code());
      action(m.action());
    } else {
      w.field("from", m.from().name()).field("from_id", m.from().id());
      optional("author", m.author());
      if (m.forwardedFrom() != null) {
        w.field("forwarded_from", m.forwardedFrom().name());
      }
      optional("saved_from", m.savedFrom());
      if (m.replyTo() > 0) {
        w.field("reply_to_message_id", m.replyTo());
      }
      switch (m.media()) {
        case null -> {}
        case Photo p -> photo(p);
        case MediaFile f -> file(f);
      }
    }
    text(m.text());
    w.endObject();
  }

  @Override
  public void endChat() throws IOException {
    w.endArray();
    w.endObject();
  }

  @Override
  public void finish() throws IOException {
    if (account) {
      w.endArray().endObject();
      w.endObject();
    }
    w.raw("\n");
  }

  @Override
  public void close() throws IOException {
    w.close();
  }

  private void action(ServiceAction action) throws IOException {
    switch (action) {
      case ServiceAction.CreateGroup g -> {
        w.field("title", g.title());
        members(g.members());
      }
      case ServiceAction.CreateChannel c -> w.field("title", c.title());
      case ServiceAction.InviteMembers i -> members(i.members());
      case ServiceAction.RemoveMembers r -> members(r.members());
      case ServiceAction.JoinByLink j -> w.field("inviter", j.inviter());
      case ServiceAction.PinMessage p -> w.field("message_id", p.messageId());
      case ServiceAction.EditTitle t -> w.field("title", t.title());
      case ServiceAction.EditPhoto p -> photo(p.photo());
      case ServiceAction.PhoneCall c -> {
        w.field("duration_seconds", c.durationSeconds());
        w.field("discard_reason", c.discardReason());
      }
    }
  }

  private void photo(Photo p) throws IOException {
    w.field("photo", p.path() != null ? p.path() : NOT_INCLUDED);
    w.field("width", p.width()).field("height", p.height());
  }

  private void file(MediaFile f) throws IOException {
    w.field("file", f.path() != null ? f.path() : NOT_INCLUDED);
    w.field("media_type", f.mediaType());
    optional("sticker_emoji", f.stickerEmoji());
    w.field("mime_type", f.mimeType());
    if (f.width() > 0) {
      w.field("width", f.width()).field("height", f.height());
    }
    if (f.durationSeconds() > 0) {
      w.field("duration_seconds", f.durationSeconds());
    }
  }

  private void members(List<String> names) throws IOException {
    w.key("members").beginArray();
    for (String n : names) {
      w.string(n);
    }
    w.endArray();
  }

  /**
   * Plain text as a string; text with mentions or links as Telegram's mixed array, and always the
   * {@code text_entities} list.
   */
  private void text(String s) throws IOException {
    List<TextRuns.Run> runs = TextRuns.of(s);
    if (runs.isEmpty() || (runs.size() == 1 && runs.get(0).plain())) {
      w.field("text", s);
    } else {
      w.key("text").beginArray();
      for (TextRuns.Run run : runs) {
        if (run.plain()) {
          w.string(run.text());
        } else {
          entity(run);
        }
      }
      w.endArray();
    }
    w.key("text_entities").beginArray();
    for (TextRuns.Run run : runs) {
      entity(run);
    }
    w.endArray();
  }

  private void entity(TextRuns.Run run) throws IOException {
    w.beginObject().field("type", run.type()).field("text", run.text()).endObject();
  }

  private void list(String key, String about) throws IOException {
    w.key(key).beginObject();
    w.field("about", about);
    w.key("list").beginArray();
  }

  private void date(String key, long t) throws IOException {
    w.field(key, LocalDateTime.ofEpochSecond(t, 0, zone).format(ISO));
    w.field(key + "_unixtime", Long.toString(t));
  }

  private void optional(String key, String value) throws IOException {
    if (value != null) {
      w.field(key, value);
    }
  }
}
