package org.haetae.analysis.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.haetae.analysis.actors.ActorBook;
import org.haetae.analysis.flags.Flag;
import org.haetae.analysis.flags.FlagScanner;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.requests.RequestReader;
import org.haetae.analysis.requests.RequestReading;
import org.haetae.analysis.rooms.RoomBook;
import org.haetae.analysis.rooms.RoomPart;
import org.haetae.analysis.text.TextDocument;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.MediaStatus;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.SectionItem;
import org.haetae.telegram.model.ServiceAction;
import org.haetae.telegram.model.TextEntity;
import org.haetae.telegram.read.ExportSink;

/**
 * Reads one export into the case: rooms and accounts are merged into the case's books, the messages
 * worth keeping become {@link Post}s, every text goes to the text index, and the lexicon is applied
 * on the way.
 */
public final class ExportIntake implements ExportSink {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int EXCERPT = 48;

  /** What the intake produced beyond the books it fills. */
  public interface Out {
    void post(Post post);

    void finding(RoomPart part, Finding finding);

    void text(TextDocument doc);
  }

  private final String export;
  private final RoomBook rooms;
  private final ActorBook actors;
  private final MediaCatalog media;
  private final FlagScanner flags;
  private final RequestReader requests;
  private final Out out;
  private int owner = -1;
  private long messages;
  private long mediaFiles;
  private boolean account;
  // Ids of messages that carry a picture, per room part, so a request made in reply to a picture
  // counts as naming a pictured person.
  private final java.util.Map<RoomPart, java.util.BitSet> pictures = new java.util.HashMap<>();
  // Ids of messages that ask, per room part: a reply to someone's ask ("누가 해줌?") comments on
  // that ask, so the picture it came with is not the reply's own.
  private final java.util.Map<RoomPart, java.util.BitSet> asking = new java.util.HashMap<>();

  public ExportIntake(
      String export,
      RoomBook rooms,
      ActorBook actors,
      MediaCatalog media,
      FlagScanner flags,
      RequestReader requests,
      Out out) {
    this.export = export;
    this.rooms = rooms;
    this.actors = actors;
    this.media = media;
    this.flags = flags;
    this.requests = requests;
    this.out = out;
  }

  public String export() {
    return export;
  }

  /** The exporting account's number for an account export, else -1. */
  public int owner() {
    return owner;
  }

  public long messages() {
    return messages;
  }

  public long mediaFiles() {
    return mediaFiles;
  }

  public boolean accountExport() {
    return account;
  }

  @Override
  public void message(Message m) {
    messages++;
    RoomPart part = rooms.part(export, m.chatOrdinal());
    part.message(m.id(), m.dateUnixtime());
    int sender = m.fromId() == null ? -1 : actors.account(m.fromId());
    part.member(sender);
    long date = m.dateUnixtime() == null ? 0 : m.dateUnixtime();
    if (sender >= 0) {
      actors.get(sender).sawMessage(part, m.id(), date);
    }

    ServiceAction a = m.action();
    int actionActor = -1;
    if (a != null) {
      actionActor = a.actorId() == null ? -1 : actors.account(a.actorId());
      part.member(actionActor);
    }

    List<String> stored = new ArrayList<>();
    boolean picture = false;
    for (MediaRef r : m.media()) {
      boolean photo = "photo".equals(r.mediaType()) || "photo".equals(r.field());
      picture |= photo;
      if (r.status() == MediaStatus.PRESENT && !"thumbnail".equals(r.field())) {
        MediaFacts f = media.lookup(export, r.relativePath());
        if (f != null) {
          stored.add(f.sha256());
          mediaFiles++;
          picture |= "image".equals(f.kind());
        }
      }
    }
    if (picture && m.id() != null && m.id() >= 0 && m.id() < RoomPart.DENSE_IDS) {
      pictures.computeIfAbsent(part, p -> new java.util.BitSet()).set(m.id().intValue());
    }

    String text = m.text() == null ? "" : m.text().plain();
    List<Post.FlagHit> hits = new ArrayList<>();
    RequestReading reading = null;
    if (!text.isEmpty()) {
      String chatKey = export + ":" + m.chatOrdinal();
      long msgId = m.id() == null ? -1 - m.seq() : m.id();
      TextDocument doc =
          new TextDocument(chatKey, msgId, sender < 0 ? "" : actors.get(sender).key(), date, text);
      out.text(doc);
      List<Flag> found = flags.scan(doc);
      for (Flag f : found) {
        if (!f.cue()) {
          hits.add(new Post.FlagHit(f.category(), f.rule(), excerpt(text, f.start(), f.end())));
        }
      }
      reading =
          requests.read(
              text,
              found,
              picture
                  || repliesToPicture(part, m.replyToMessageId())
                      && !marked(asking, part, m.replyToMessageId()),
              mentions(m));
      if (reading != null && m.id() != null && m.id() >= 0 && m.id() < RoomPart.DENSE_IDS) {
        asking.computeIfAbsent(part, p -> new java.util.BitSet()).set(m.id().intValue());
      }
    }

    if (!stored.isEmpty() || picture || a != null || !hits.isEmpty() || reading != null) {
      out.post(
          new Post(
              part,
              m.id(),
              date,
              sender,
              m.forwardedFrom() != null
                  ? m.forwardedFrom()
                  : hiddenForward(m) ? "(hidden account)" : null,
              m.savedFrom(),
              m.author(),
              m.replyToMessageId(),
              a == null ? null : a.action() == null ? "custom" : a.action(),
              actionActor,
              a == null ? List.of() : a.members(),
              a == null ? null : a.messageId(),
              stored,
              picture,
              hits,
              reading));
    }
  }

  /** A forward from an account that hides itself has {@code forwarded_from: null}. */
  private static boolean hiddenForward(Message m) {
    return !m.media().isEmpty()
        && m.rawJson() != null
        && m.rawJson().json().contains("\"forwarded_from\":null");
  }

  private static boolean mentions(Message m) {
    for (TextEntity e : m.text().entities()) {
      if (e.type().equals("mention") || e.type().equals("mention_name")) {
        return true;
      }
    }
    return false;
  }

  private static boolean marked(
      java.util.Map<RoomPart, java.util.BitSet> sets, RoomPart part, Long id) {
    java.util.BitSet ids = sets.get(part);
    return ids != null
        && id != null
        && id >= 0
        && id < RoomPart.DENSE_IDS
        && ids.get(id.intValue());
  }

  private boolean repliesToPicture(RoomPart part, Long replyTo) {
    java.util.BitSet ids = pictures.get(part);
    return ids != null
        && replyTo != null
        && replyTo >= 0
        && replyTo < RoomPart.DENSE_IDS
        && ids.get(replyTo.intValue());
  }

  /** The matched words with a little text either side, on one line. */
  static String excerpt(String text, int start, int end) {
    // Flags are found in the NFKC form; offsets are close enough to cut an excerpt from the text.
    int s = Math.max(0, Math.min(text.length(), start) - EXCERPT);
    int e = Math.min(text.length(), Math.max(end, start) + EXCERPT);
    String cut = text.substring(s, e).replaceAll("\\s+", " ").strip();
    return (s > 0 ? "…" : "") + cut + (e < text.length() ? "…" : "");
  }

  @Override
  public void chat(Chat chat) {
    rooms.part(export, chat.ordinal()).describe(chat.id(), chat.type(), chat.name());
  }

  @Override
  public void account(Account a) {
    int idx = actors.account(a.id());
    for (Account.NameSeen n : a.names()) {
      actors.named(idx, n.name(), n.firstSeen(), n.lastSeen(), n.count());
    }
    actors.messages(idx, a.messages());
    if (a.self()) {
      owner = idx;
      account = true;
    }
  }

  @Override
  public void section(SectionItem item) throws IOException {
    if (!item.section().equals("personal_information")) {
      return;
    }
    account = true;
    String[] found = new String[2]; // user_id, username
    try (JsonParser p = JSON.createParser(item.rawJson().json())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("user_id") && t.isScalarValue()) {
          found[0] = p.getText();
        } else if (name.equals("username") && t == JsonToken.VALUE_STRING) {
          found[1] = p.getText();
        } else {
          p.skipChildren();
        }
      }
    }
    if (found[0] != null && found[1] != null) {
      org.haetae.telegram.model.PeerId.parse(found[0])
          .ifPresent(
              id ->
                  actors.username(
                      actors.account(
                          id.kind().isEmpty()
                              ? new org.haetae.telegram.model.PeerId("user", id.id())
                              : id),
                      found[1]));
    }
  }

  @Override
  public void finding(Finding f) {
    out.finding(f.chatOrdinal() == null ? null : rooms.part(export, f.chatOrdinal()), f);
  }
}
