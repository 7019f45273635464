package org.haetae.server.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.MessageRef;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.texts.CaseTextsCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Completes message references with their text (from the case's index) and the media they carried
 * (from the database), in two lookups for a whole page rather than one per message.
 */
@Service
public class MessageLookup {
  private final JdbcClient jdbc;
  private final CaseTextsCache texts;

  public MessageLookup(JdbcClient jdbc, CaseTextsCache texts) {
    this.jdbc = jdbc;
    this.texts = texts;
  }

  public List<Cited> complete(UUID caseId, Path folder, List<MessageRef> refs) throws IOException {
    if (refs.isEmpty()) {
      return List.of();
    }
    Map<String, CaseTexts.Message> said = texts.readOr(folder, t -> t.find(refs), Map.of());
    record Carried(String sha256, String kind, boolean matched) {}
    Map<String, Carried> media = new HashMap<>();
    List<String> chats = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (MessageRef r : refs) {
      if (r.messageId() != null) {
        chats.add(r.chatKey());
        ids.add(r.messageId());
      }
    }
    jdbc.sql(
            "select p.chat_key, p.message_id, m.sha256, m.kind, m.matched"
                + " from unnest(?::text[], ?::bigint[]) w(chat_key, message_id)"
                + " join media_posts p on p.case_id = ? and p.chat_key = w.chat_key"
                + " and p.message_id = w.message_id"
                + " join media m on m.case_id = p.case_id and m.sha256 = p.sha256"
                + " order by m.matched desc")
        .params(chats.toArray(String[]::new), ids.toArray(Long[]::new), caseId)
        .query(
            (rs, i) ->
                media.putIfAbsent(
                    rs.getString(1) + "#" + rs.getLong(2),
                    new Carried(rs.getString(3), rs.getString(4), rs.getBoolean(5))))
        .list();
    List<Cited> out = new ArrayList<>();
    for (MessageRef r : refs) {
      CaseTexts.Message m = said.get(r.label());
      Carried c = r.messageId() == null ? null : media.get(r.label());
      out.add(
          new Cited(
              r.chatKey(),
              r.messageId(),
              r.dateUnix() == 0 ? null : Instant.ofEpochSecond(r.dateUnix()),
              m == null ? null : m.fromId(),
              m == null ? null : m.text(),
              c == null ? null : c.sha256(),
              c == null ? null : c.kind(),
              c != null && c.matched()));
    }
    return out;
  }
}
