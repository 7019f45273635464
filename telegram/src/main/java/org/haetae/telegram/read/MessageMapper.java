package org.haetae.telegram.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.RawJson;
import org.haetae.telegram.model.ServiceAction;
import org.haetae.telegram.model.Text;
import org.haetae.telegram.model.TextEntity;

/** Turns one message object of the export into a {@link Message}. Never fails on odd input. */
final class MessageMapper {
  // Fields whose value is a path into the export folder (FORMAT.md, "Media").
  private static final List<String> MEDIA_FIELDS =
      List.of("photo", "file", "thumbnail", "contact_vcard");

  private final MediaResolver resolver;

  MessageMapper(MediaResolver resolver) {
    this.resolver = resolver;
  }

  Message map(Map<String, Object> obj, long seq, int chatOrdinal, RawJson rawJson, boolean cut) {
    Fields f = new Fields(obj);
    String type = f.string("type");
    ServiceAction action = null;
    if ("service".equals(type) || f.has("action") || f.has("information_text")) {
      List<String> members = new ArrayList<>();
      if (f.list("members") != null) {
        for (Object o : f.list("members")) {
          members.add(o instanceof String s ? s : null);
        }
      }
      action =
          new ServiceAction(
              f.string("action"),
              f.string("actor"),
              PeerId.of(f.raw("actor_id")).orElse(null),
              f.string("title"),
              members,
              f.number("message_id"),
              f.string("inviter"),
              f.number("period"),
              f.string("information_text"));
    }
    return new Message(
        seq,
        chatOrdinal,
        f.number("id"),
        type,
        f.string("date"),
        f.number("date_unixtime"),
        f.string("edited"),
        f.number("edited_unixtime"),
        f.string("from"),
        PeerId.of(f.raw("from_id")).orElse(null),
        f.string("author"),
        f.string("forwarded_from"),
        f.string("saved_from"),
        f.number("reply_to_message_id"),
        f.text("reply_to_peer_id"),
        f.string("via_bot"),
        text(f, cut),
        media(f),
        action,
        rawJson);
  }

  /** Media paths of any object (messages, profile pictures, stories). */
  List<MediaRef> media(Fields f) {
    List<MediaRef> refs = new ArrayList<>();
    for (String field : MEDIA_FIELDS) {
      String raw = f.string(field);
      if (raw == null) {
        continue;
      }
      MediaResolver.Resolution r = resolver.resolve(raw);
      String mediaType;
      Long size;
      switch (field) {
        case "photo" -> {
          mediaType = "photo";
          size = f.number("photo_file_size");
        }
        case "thumbnail" -> {
          mediaType = "thumbnail";
          size = f.number("thumbnail_file_size");
        }
        case "contact_vcard" -> {
          mediaType = "contact_vcard";
          size = null;
        }
        default -> {
          mediaType = f.string("media_type") != null ? f.string("media_type") : "file";
          size = f.number("file_size");
        }
      }
      boolean main = field.equals("file") || field.equals("photo");
      refs.add(
          new MediaRef(
              field,
              raw,
              r.status(),
              r.relativePath(),
              mediaType,
              main ? f.string("mime_type") : null,
              main ? f.string("file_name") : null,
              size,
              main || field.equals("thumbnail") ? f.integer("width") : null,
              main || field.equals("thumbnail") ? f.integer("height") : null,
              main ? f.integer("duration_seconds") : null));
    }
    // "media" in stories holds a path too.
    String storyMedia = f.string("media");
    if (storyMedia != null) {
      MediaResolver.Resolution r = resolver.resolve(storyMedia);
      refs.add(
          new MediaRef(
              "media",
              storyMedia,
              r.status(),
              r.relativePath(),
              "story",
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return refs;
  }

  static boolean missing(MediaRef r) {
    return r.status() != MediaStatus.PRESENT;
  }

  /**
   * Plain text and entities. {@code text_entities} (newer exports) is preferred as it lists every
   * run; older exports only have {@code text}, a string or an array of strings and runs.
   */
  private static Text text(Fields f, boolean cut) {
    List<?> runs = f.list("text_entities");
    if (runs == null) {
      Object t = f.raw("text");
      if (t instanceof String s) {
        return new Text(s, List.of(), cut);
      }
      runs = t instanceof List<?> l ? l : List.of();
    }
    StringBuilder plain = new StringBuilder();
    List<TextEntity> entities = new ArrayList<>();
    for (Object run : runs) {
      if (run instanceof String s) {
        plain.append(s);
        continue;
      }
      Map<String, Object> o = Fields.object(run);
      if (o == null) {
        continue;
      }
      Fields e = new Fields(o);
      String text = e.string("text") == null ? "" : e.string("text");
      String type = e.string("type") == null ? "unknown" : e.string("type");
      if (!type.equals("plain")) {
        entities.add(
            new TextEntity(
                type,
                plain.length(),
                text,
                e.string("href"),
                e.text("user_id"),
                e.string("language"),
                e.text("document_id")));
      }
      plain.append(text);
    }
    return new Text(plain.toString(), entities, cut);
  }
}
