package org.haetae.pipeline.texts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.index.IndexNotFoundException;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.text.Highlight;
import org.haetae.analysis.text.TextHit;
import org.haetae.analysis.text.TextIndex;
import org.haetae.analysis.text.TextMessage;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.scan.CaseSearch;
import org.haetae.pipeline.scan.Scan;

/**
 * The messages of a scanned case, named as the case names them: rooms by their room keys ({@code
 * chat123}) and senders by their account keys ({@code user123}, as the analysis' accounts are
 * keyed).
 *
 * <p>Open it once per case and share it: every method may be called from many threads at once, all
 * reading one open index. It sees the case as it was when opened; {@link #isCurrent} tells when a
 * new scan has rebuilt it.
 */
public final class CaseTexts implements Closeable {
  private final Path caseDir;
  private final TextIndex index;
  private final Map<String, String> roomOfChat; // index chat id (export:ordinal) -> room key
  private final Map<String, List<String>> chatsOfRoom;
  private final Object roomsStamp;

  /**
   * A message as the case names it.
   *
   * @param room the room key ({@code chat123})
   * @param fromId the sender's account key ({@code user123}), or empty
   */
  public record Message(String room, long messageId, String fromId, long dateUnix, String text) {
    /** {@code room#messageId}, as {@link MessageRef#label()} names it. */
    public String ref() {
      return room + "#" + messageId;
    }
  }

  /**
   * Some of the messages asked for, and how many there are in all.
   *
   * @param total every match; a message two exports hold counts once
   */
  public record Page<T>(List<T> items, long total) {}

  private CaseTexts(Path caseDir, TextIndex index, Map<String, String> rooms, Object roomsStamp) {
    this.caseDir = caseDir;
    this.index = index;
    this.roomOfChat = rooms;
    this.roomsStamp = roomsStamp;
    Map<String, List<String>> chats = new HashMap<>();
    rooms.forEach((chat, room) -> chats.computeIfAbsent(room, r -> new ArrayList<>()).add(chat));
    this.chatsOfRoom = chats;
  }

  /**
   * Opens the text index of a case made by {@code haetae scan}.
   *
   * @throws InputException when the case has no index, or an older Haetae wrote it
   */
  public static CaseTexts open(Path caseDir) throws IOException {
    Path dir = caseDir.resolve(Scan.TEXT_INDEX);
    Path roomsFile = caseDir.resolve(Scan.ROOMS);
    Object stamp = stamp(roomsFile);
    Map<String, String> rooms = rooms(roomsFile);
    try {
      return new CaseTexts(caseDir, TextIndex.open(dir), rooms, stamp);
    } catch (IndexNotFoundException e) {
      throw new InputException(caseDir + ": no text index here (run haetae scan first)", e);
    } catch (TextIndex.OutdatedException e) {
      throw new InputException(caseDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Searches (Korean and English; words, "phrases", AND/OR/NOT, wildcards*), best first.
   *
   * @throws InputException when the query does not parse, or offset or limit is out of range
   */
  public Page<CaseSearch.Hit> search(String query, int offset, int limit, Highlight marks)
      throws IOException {
    checkPage(offset, limit);
    TextIndex.Page<TextHit> hits;
    try {
      hits = index.search(query, offset, limit, marks, this::roomOf);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    return page(
        hits,
        h ->
            new CaseSearch.Hit(
                roomOf(h.chatId()),
                h.messageId(),
                h.fromId(),
                h.dateUnix(),
                h.snippet().replaceAll("\\s+", " ").strip()));
  }

  /** What one account ({@code user123}) wrote, oldest first. */
  public Page<Message> byAccount(String accountKey, int offset, int limit) throws IOException {
    checkPage(offset, limit);
    return page(index.fromSender(accountKey, offset, limit, this::roomOf), this::message);
  }

  /** The messages of one room ({@code chat123}), every export's together, oldest first. */
  public Page<Message> inRoom(String roomKey, int offset, int limit) throws IOException {
    checkPage(offset, limit);
    return page(index.inChats(chatsOf(roomKey), offset, limit), this::message);
  }

  /**
   * The messages the references point at, keyed by {@link MessageRef#label()}; those without text
   * (a picture alone) or without a message id are absent.
   */
  public Map<String, Message> find(Collection<MessageRef> refs) throws IOException {
    Map<TextMessage.Id, String> wanted = new LinkedHashMap<>();
    for (MessageRef r : refs) {
      if (r.messageId() != null) {
        for (String chat : chatsOf(r.chatKey())) {
          wanted.putIfAbsent(new TextMessage.Id(chat, r.messageId()), r.label());
        }
      }
    }
    Map<String, Message> out = new LinkedHashMap<>();
    for (TextMessage m : index.find(wanted.keySet())) {
      String label = wanted.get(new TextMessage.Id(m.chatId(), m.messageId()));
      if (label != null) {
        out.putIfAbsent(label, message(m));
      }
    }
    return out;
  }

  /**
   * Whether this still shows the case as it is on disk: false once a new scan has rebuilt the index
   * or rewritten the room keys (or either can no longer be read), so it should be reopened.
   */
  public boolean isCurrent() {
    try {
      return index.isCurrent() && Objects.equals(roomsStamp, stamp(caseDir.resolve(Scan.ROOMS)));
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    index.close();
  }

  private String roomOf(String chatId) {
    return roomOfChat.getOrDefault(chatId, chatId);
  }

  private List<String> chatsOf(String roomKey) {
    List<String> chats = chatsOfRoom.get(roomKey);
    if (chats != null) {
      return chats;
    }
    // A chat id with no room key of its own (no rooms file) is its own room.
    return roomOfChat.containsKey(roomKey) ? List.of() : List.of(roomKey);
  }

  private Message message(TextMessage m) {
    return new Message(roomOf(m.chatId()), m.messageId(), m.fromId(), m.dateUnix(), m.text());
  }

  private static <A, B> Page<B> page(TextIndex.Page<A> p, Function<A, B> f) {
    return new Page<>(p.items().stream().map(f).toList(), p.total());
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new InputException("the offset must not be negative");
    }
    if (limit < 1) {
      throw new InputException("the limit must be at least 1");
    }
  }

  /** What tells one version of the rooms file from another: it is replaced whole by a scan. */
  private static Object stamp(Path file) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    } catch (NoSuchFileException e) {
      return "none";
    }
  }

  private static Map<String, String> rooms(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        out.put(k, p.getText());
      }
    }
    return out;
  }
}
