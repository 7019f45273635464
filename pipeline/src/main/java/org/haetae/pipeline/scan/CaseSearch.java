package org.haetae.pipeline.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.analysis.text.Highlight;
import org.haetae.analysis.text.TextHit;
import org.haetae.analysis.text.TextIndex;
import org.haetae.pipeline.InputException;

/** Full-text search of a scanned case, with hits named by the case's room keys. */
public final class CaseSearch {
  private CaseSearch() {}

  /**
   * A hit as the case names it.
   *
   * @param room the room key ({@code chat123})
   * @param fromId the sender's account id, or empty
   */
  public record Hit(String room, long messageId, String fromId, long dateUnix, String snippet) {
    public String ref() {
      return room + "#" + messageId;
    }
  }

  /**
   * Searches; a message two exports hold is returned once.
   *
   * @throws InputException when the case has no index or the query does not parse
   */
  public static List<Hit> search(Path caseDir, String query, int limit, Highlight marks)
      throws IOException {
    Path index = caseDir.resolve(Scan.TEXT_INDEX);
    if (!Files.isDirectory(index)) {
      throw new InputException(caseDir + ": no text index here (run haetae scan first)");
    }
    if (limit < 1) {
      throw new InputException("the limit must be at least 1");
    }
    Map<String, String> rooms = rooms(caseDir.resolve(Scan.ROOMS));
    List<TextHit> hits;
    try (TextIndex t = TextIndex.at(index)) {
      hits = t.search(query, limit * 2, marks);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage());
    }
    List<Hit> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TextHit h : hits) {
      Hit hit =
          new Hit(
              rooms.getOrDefault(h.chatId(), h.chatId()),
              h.messageId(),
              h.fromId(),
              h.dateUnix(),
              h.snippet().replaceAll("\\s+", " ").strip());
      if (out.size() < limit && seen.add(hit.ref())) {
        out.add(hit);
      }
    }
    return out;
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
