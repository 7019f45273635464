package org.haetae.demo.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.haetae.demo.pictures.SyntheticPictures;

/**
 * Writes a Telegram Desktop JSON export (result.json plus media folders) following FORMAT.md: the
 * single-chat or the whole-account shape, every message kind, media kind, placeholder and service
 * action, with procedurally drawn pictures. It counts what it writes, so tests compare a reader's
 * output to the generator's own {@link Manifest} instead of to numbers typed by hand.
 */
public final class SyntheticExport {
  /** Which export Telegram Desktop would have made. */
  public enum Shape {
    SINGLE_CHAT,
    ACCOUNT
  }

  /**
   * @param chats chats in an account export (a single-chat export has one)
   * @param messagesPerChat messages in each chat
   * @param images pictures to draw and reference, spread over the messages; ignored with {@code
   *     allVariants}, which writes its own
   * @param allVariants cycle through every message, media and service variant instead of writing
   *     mostly plain text
   */
  public record Options(
      long seed, Shape shape, int chats, int messagesPerChat, int images, boolean allVariants) {
    /** One chat holding every variant at least once. */
    public static Options everyVariant(long seed, Shape shape) {
      return new Options(seed, shape, shape == Shape.ACCOUNT ? 3 : 1, VARIANTS, 0, true);
    }
  }

  /** What was written, counted while writing. */
  public record Manifest(
      long chats,
      long messages,
      long serviceMessages,
      long mediaRefs,
      long presentMediaRefs,
      long missingMediaRefs,
      long mediaFiles,
      long imageFiles,
      long xEscapes,
      long resultJsonBytes) {}

  private static final List<String> CHAT_TYPES =
      List.of(
          "personal_chat",
          "private_group",
          "private_supergroup",
          "public_supergroup",
          "private_channel",
          "public_channel",
          "saved_messages",
          "bot_chat");

  private static final List<String> ACTIONS =
      List.of(
          "create_group",
          "edit_group_title",
          "edit_group_photo",
          "delete_group_photo",
          "invite_members",
          "remove_members",
          "join_group_by_link",
          "join_group_by_request",
          "create_channel",
          "migrate_to_supergroup",
          "migrate_from_group",
          "pin_message",
          "clear_history",
          "phone_call",
          "group_call",
          "invite_to_group_call",
          "set_messages_ttl",
          "topic_created",
          "topic_edit",
          "take_screenshot",
          "joined_telegram",
          "send_payment",
          "");

  private static final int MESSAGE_VARIANTS = 28;

  /** Variants written by {@link Options#everyVariant}: message kinds, then service actions. */
  public static final int VARIANTS = MESSAGE_VARIANTS + 23;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter FILE_DATE =
      DateTimeFormatter.ofPattern("dd-MM-yyyy_HH-mm-ss");
  private static final long BASE_TIME = 1_724_533_805L; // 2024-08-24T21:10:05Z

  private final Path dir;
  private final Options o;
  private final Random random;
  private TdJsonWriter w;
  private long seq;
  private long chats;
  private long service;
  private long refs;
  private long present;
  private long missing;
  private long files;
  private long imageFiles;
  private long imagesLeft;
  private long imageInterval;

  private SyntheticExport(Path dir, Options o) {
    this.dir = dir;
    this.o = o;
    this.random = new Random(o.seed());
  }

  public static Manifest write(Path dir, Options options) throws IOException {
    return new SyntheticExport(dir, options).write();
  }

  private Manifest write() throws IOException {
    Files.createDirectories(dir);
    long total = (long) o.chats() * o.messagesPerChat();
    imagesLeft = o.allVariants() ? 0 : o.images();
    imageInterval = imagesLeft == 0 ? Long.MAX_VALUE : Math.max(1, total / imagesLeft);
    try (OutputStream out =
            new BufferedOutputStream(Files.newOutputStream(dir.resolve("result.json")), 1 << 16);
        TdJsonWriter writer = new TdJsonWriter(out)) {
      w = writer;
      if (o.shape() == Shape.SINGLE_CHAT) {
        chat(0);
      } else {
        account();
      }
      w.raw("\n");
      out.flush();
      return new Manifest(
          chats, seq, service, refs, present, missing, files, imageFiles, w.xEscapes(), w.bytes());
    }
  }

  private void account() throws IOException {
    w.beginObject();
    w.field("about", "Here is the data you requested.");
    w.key("personal_information").beginObject();
    w.field("user_id", 5000);
    w.field("first_name", "Exporting");
    w.field("last_name", "Investigator");
    w.field("phone_number", "+00 000 0000 0000");
    w.field("username", "@exporter");
    w.field("bio", "synthetic");
    w.endObject();
    w.key("profile_pictures").beginArray();
    for (int i = 0; i < 2; i++) {
      long t = BASE_TIME - 86_400L * (i + 1);
      w.beginObject();
      w.field("date", date(t)).field("date_unixtime", Long.toString(t));
      w.field("photo", picture("profile_pictures", "photo", t, "jpg"));
      w.endObject();
    }
    w.endArray();
    w.key("contacts").beginObject();
    w.field("about", "contacts");
    w.key("list").beginArray();
    for (int i = 0; i < 3; i++) {
      w.beginObject();
      w.field("user_id", 1000 + i);
      w.field("first_name", "Member " + i).field("last_name", "");
      w.field("phone_number", "+00 000 0000 00" + i);
      w.field("date", date(BASE_TIME)).field("date_unixtime", Long.toString(BASE_TIME));
      w.endObject();
    }
    w.endArray().endObject();
    w.key("frequent_contacts").beginObject();
    w.field("about", "frequent").key("list").beginArray();
    w.beginObject().field("id", 1000).field("category", "people").field("type", "user");
    w.field("name", "Member 0").key("rating").number(1).endObject();
    w.endArray().endObject();
    w.key("sessions").beginObject().field("about", "sessions").key("list").beginArray();
    w.beginObject().field("last_active", date(BASE_TIME)).field("ip", "192.0.2.1").endObject();
    w.endArray().endObject();
    w.key("chats").beginObject();
    w.field("about", "chats");
    w.key("list").beginArray();
    for (int c = 0; c < o.chats() - 1; c++) {
      chat(c);
    }
    w.endArray().endObject();
    w.key("left_chats").beginObject();
    w.field("about", "left chats");
    w.key("list").beginArray();
    chat(o.chats() - 1);
    w.endArray().endObject();
    w.endObject();
  }

  private void chat(int c) throws IOException {
    chats++;
    String type = CHAT_TYPES.get(c % CHAT_TYPES.size());
    w.beginObject();
    if (!type.equals("saved_messages")) {
      w.field("name", "Room " + c);
    }
    w.field("type", type);
    w.field("id", 4_000_000_000L + c);
    w.key("messages").beginArray();
    for (int i = 0; i < o.messagesPerChat(); i++) {
      message(c, i);
    }
    w.endArray();
    w.endObject();
  }

  private void message(int c, int i) throws IOException {
    long t = BASE_TIME + seq * 37;
    long id = i + 1;
    int variant = o.allVariants() ? i % VARIANTS : -1;
    boolean isService = variant >= MESSAGE_VARIANTS;
    w.beginObject();
    w.field("id", id);
    w.field("type", variant == 27 ? "unsupported" : isService ? "service" : "message");
    w.field("date", date(t));
    w.field("date_unixtime", Long.toString(t));
    if (variant == 27) {
      w.endObject();
      seq++;
      return;
    }
    int user = (int) ((seq * 7 + c) % 5);
    // The same account changes its display name half way through the export.
    String name = "Member " + user + (seq % 2 == 0 && user == 1 ? " (renamed)" : "");
    if (isService) {
      service++;
      serviceMessage(ACTIONS.get(variant - MESSAGE_VARIANTS), name, user, id, t);
    } else {
      if (variant == 2) {
        w.field("edited", date(t + 60)).field("edited_unixtime", Long.toString(t + 60));
      }
      w.field("from", variant == 26 ? null : name);
      w.field("from_id", "user" + (1000 + user));
      if (variant >= 0) {
        variantBody(variant, id, t);
      } else if (imagesLeft > 0 && seq % imageInterval == 0) {
        imagesLeft--;
        photo(t, seq % 2 == 0 ? "jpg" : "png");
        plainText("");
      } else if (seq % 10 == 3) {
        formattedText();
      } else {
        plainText("message " + seq + (seq % 50 == 7 ? " bell\u0007" : "") + " 안녕하세요");
      }
    }
    w.endObject();
    seq++;
  }

  private void variantBody(int v, long id, long t) throws IOException {
    switch (v) {
      case 0 -> plainText("plain text 평문");
      case 1 -> formattedText();
      case 2 -> plainText("edited with control \u0001 and \u001f chars");
      case 3 -> {
        w.field("forwarded_from", "Forward Source").field("saved_from", "Saved Source");
        plainText("forwarded");
      }
      case 4 -> {
        w.field("forwarded_from", null);
        plainText("forwarded from a hidden account");
      }
      case 5 -> {
        w.field("reply_to_message_id", Math.max(1, id - 1));
        w.field("reply_to_peer_id", "channel4000000001");
        plainText("a reply");
      }
      case 6 -> {
        w.field("author", "Channel Signer").field("via_bot", "@gif");
        plainText("via a bot");
      }
      case 7 -> {
        photo(t, "jpg");
        plainText("caption");
      }
      case 8 -> {
        photo(t, "png");
        w.field("self_destruct_period_seconds", 10);
        plainText("");
      }
      case 9 -> {
        file("stickers", "sticker", t, ".webp", "image/webp", 0);
        w.field("sticker_emoji", "🙂");
        thumbnail("stickers", t);
        plainText("");
      }
      case 10 -> {
        file("video_files", "video_file", t, ".mp4", "video/mp4", 12);
        thumbnail("video_files", t);
        plainText("video caption");
      }
      case 11 -> {
        file("round_video_messages", "video_message", t, ".mp4", "video/mp4", 5);
        plainText("");
      }
      case 12 -> {
        file("voice_messages", "voice_message", t, ".ogg", "audio/ogg", 9);
        plainText("");
      }
      case 13 -> {
        file("animations", "animation", t, ".mp4", "video/mp4", 3);
        plainText("");
      }
      case 14 -> {
        file("files", "audio_file", t, ".mp3", "audio/mpeg", 200);
        w.field("performer", "Performer").field("title", "Song");
        plainText("");
      }
      case 15 -> {
        file("files", null, t, ".pdf", "application/pdf", 0);
        plainText("a document");
      }
      case 16 -> {
        refs++;
        missing++;
        w.field("photo", "(File not included. Change data exporting settings to download.)");
        w.field("width", 800).field("height", 600);
        plainText("");
      }
      case 17 -> {
        refs += 2;
        missing += 2;
        String p = "(File exceeds maximum size. Change data exporting settings to download.)";
        w.field("file", p).field("thumbnail", p);
        w.field("media_type", "video_file").field("mime_type", "video/mp4");
        w.field("duration_seconds", 204).field("width", 416).field("height", 736);
        plainText("");
      }
      case 18 -> {
        refs++;
        missing++;
        w.field("file", "(File unavailable, please try again later)");
        w.field("mime_type", "application/zip");
        plainText("");
      }
      case 19 -> {
        w.key("contact_information").beginObject();
        w.field("first_name", "Card").field("last_name", "Holder");
        w.field("phone_number", "+00 111").endObject();
        String p = "contacts/contact_" + seq + ".vcf";
        media(p, "BEGIN:VCARD\nVERSION:3.0\nFN:Card Holder\nEND:VCARD\n".getBytes());
        w.field("contact_vcard", p);
        plainText("");
      }
      case 20 -> {
        w.key("location_information").beginObject();
        w.key("latitude").decimal("37.566500");
        w.key("longitude").decimal("126.978000");
        w.endObject();
        plainText("");
      }
      case 21 -> {
        w.field("place_name", "Some Cafe").field("address", "1 Example Street");
        w.key("location_information").beginObject();
        w.key("latitude").decimal("35.1");
        w.key("longitude").decimal("129.0");
        w.endObject();
        plainText("");
      }
      case 22 -> {
        w.key("poll").beginObject();
        w.field("question", "Which?").key("closed").bool(false).field("total_voters", 2);
        w.key("answers").beginArray();
        w.beginObject().field("text", "A").field("voters", 2).key("chosen").bool(true);
        w.endObject().endArray().endObject();
        plainText("");
      }
      case 23 -> {
        w.key("invoice_information").beginObject();
        w.field("title", "Invoice").field("description", "d").field("amount", 100);
        w.field("currency", "KRW").field("receipt_message_id", 1).endObject();
        plainText("");
      }
      case 24 -> {
        w.field("game_title", "Game").field("game_description", "g");
        plainText("");
      }
      case 25 -> {
        photo(t, "jpg");
        w.key("media_spoiler").bool(true);
        plainText("with reactions");
        w.key("reactions").beginArray().beginObject();
        w.field("type", "emoji").field("count", 1).field("emoji", "👍");
        w.key("recent").beginArray().beginObject();
        w.field("from", "Member 2").field("from_id", "user1002").field("date", date(t));
        w.endObject().endArray().endObject().endArray();
        w.key("inline_bot_buttons").beginArray().beginArray().beginObject();
        w.field("type", "url").field("text", "open").field("data", "https://example.org/");
        w.endObject().endArray().endArray();
      }
      case 26 -> plainText("from a deleted account");
      default -> throw new IllegalStateException("no variant " + v);
    }
  }

  private void serviceMessage(String action, String actor, int user, long id, long t)
      throws IOException {
    w.field("actor", actor).field("actor_id", "user" + (1000 + user));
    if (action.isEmpty()) {
      // A custom action: no "action", only its text.
      w.field("information_text", "custom service text");
      plainText("");
      return;
    }
    w.field("action", action);
    switch (action) {
      case "create_group" -> {
        w.field("title", "Room");
        members("Member 0", "Member 1", null);
      }
      case "edit_group_title", "create_channel", "migrate_from_group", "topic_created" ->
          w.field("title", "Room title");
      case "topic_edit" -> w.field("new_title", "Topic");
      case "edit_group_photo" -> {
        w.field("photo", picture("photos", "photo", t, "jpg"));
        w.field("width", 160).field("height", 120);
      }
      case "invite_members", "remove_members", "invite_to_group_call" ->
          members("Member 3", "Member 4");
      case "join_group_by_link" -> w.field("inviter", "Group");
      case "pin_message" -> w.field("message_id", Math.max(1, id - 1));
      case "phone_call" -> w.field("duration_seconds", 61).field("discard_reason", "hangup");
      case "set_messages_ttl" -> w.field("period", 86_400);
      case "send_payment" ->
          w.field("amount", 1000).field("currency", "KRW").field("invoice_message_id", 1);
      default -> {}
    }
    plainText("");
  }

  private void members(String... names) throws IOException {
    w.key("members").beginArray();
    for (String n : names) {
      w.string(n);
    }
    w.endArray();
  }

  private void plainText(String s) throws IOException {
    w.field("text", s);
    w.key("text_entities").beginArray();
    if (!s.isEmpty()) {
      w.beginObject().field("type", "plain").field("text", s).endObject();
    }
    w.endArray();
  }

  private static final String[][] RUNS = {
    {"plain", "See "},
    {"bold", "bold"},
    {"plain", " "},
    {"italic", "italic"},
    {"plain", " "},
    {"mention", "@someone"},
    {"plain", " "},
    {"hashtag", "#tag"},
    {"plain", " "},
    {"link", "https://example.org/x"},
    {"plain", " "},
    {"email", "a@example.org"},
    {"plain", " "},
    {"phone", "+00 123 456"},
    {"plain", " "},
    {"text_link", "here"},
    {"plain", " "},
    {"mention_name", "Member 3"},
    {"plain", " "},
    {"code", "x=1"},
    {"pre", "print(1)"},
    {"custom_emoji", "🙂"},
    {"cashtag", "$USD"},
    {"bot_command", "/start"},
    {"underline", "u"},
    {"strikethrough", "s"},
    {"blockquote", "q"},
    {"bank_card", "0000"},
    {"spoiler", "sp"},
    {"unknown", "?"}
  };

  /** Telegram writes formatted text twice: as a mixed "text" array and as "text_entities". */
  private void formattedText() throws IOException {
    w.key("text").beginArray();
    for (String[] r : RUNS) {
      if (r[0].equals("plain")) {
        w.string(r[1]);
      } else {
        entity(r);
      }
    }
    w.endArray();
    w.key("text_entities").beginArray();
    for (String[] r : RUNS) {
      entity(r);
    }
    w.endArray();
  }

  private void entity(String[] r) throws IOException {
    w.beginObject().field("type", r[0]).field("text", r[1]);
    switch (r[0]) {
      case "text_link" -> w.field("href", "https://example.org/hidden");
      case "mention_name" -> w.field("user_id", 1003);
      case "pre" -> w.field("language", "python");
      case "custom_emoji" -> w.field("document_id", "stickers/sticker_1.webp");
      default -> {}
    }
    w.endObject();
  }

  private void photo(long t, String ext) throws IOException {
    w.field("photo", picture("photos", "photo", t, ext));
    w.field("width", 160).field("height", 120);
  }

  /** Draws a picture into the export and returns its relative path. */
  private String picture(String folder, String stem, long t, String ext) throws IOException {
    String p = folder + "/" + stem + "_" + seq + "@" + fileDate(t) + "." + ext;
    media(p, drawn(o.seed() * 1_000_003L + seq * 31 + t, 160, 120, ext));
    imageFiles++;
    return p;
  }

  private static byte[] drawn(long seed, int width, int height, String ext) {
    return SyntheticPictures.encode(SyntheticPictures.picture(width, height, seed), ext);
  }

  private void thumbnail(String folder, long t) throws IOException {
    String p = folder + "/thumb_" + seq + "@" + fileDate(t) + ".jpg";
    media(p, drawn(o.seed() * 7_000_003L + seq, 90, 90, "jpg"));
    imageFiles++;
    w.field("thumbnail", p);
  }

  private void file(String folder, String mediaType, long t, String ext, String mime, int secs)
      throws IOException {
    String p = folder + "/file_" + seq + "@" + fileDate(t) + ext;
    byte[] b = new byte[2048 + random.nextInt(2048)];
    random.nextBytes(b);
    // A recognisable container header so the file is not mistaken for a picture.
    byte[] head = ("\0\0\0\u0018ftypmp42" + mime).getBytes();
    System.arraycopy(head, 0, b, 0, head.length);
    media(p, b);
    w.field("file", p);
    w.field("file_name", "original" + ext).field("file_size", b.length);
    if (mediaType != null) {
      w.field("media_type", mediaType);
    }
    w.field("mime_type", mime);
    if (secs > 0) {
      w.field("duration_seconds", secs);
    }
    if (mime.startsWith("video")) {
      w.field("width", 320).field("height", 240);
    }
  }

  private void media(String relative, byte[] bytes) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    refs++;
    present++;
    files++;
  }

  private static String date(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).format(ISO);
  }

  private static String fileDate(long t) {
    return LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).format(FILE_DATE);
  }
}
