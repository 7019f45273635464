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
    List<String> probes = new ArrayList<>();
    for (MessageRef r : refs) {
      if (r.messageId() != null) {
        probes.add(Json.citing(r.chatKey(), r.messageId()));
      }
    }
    jdbc.sql(
            "select p.probe, m.sha256, m.kind, m.matched from unnest(?::text[]) p(probe)"
                + " join media m on m.case_id = ? and m.messages @> p.probe::jsonb")
        .params(probes.toArray(String[]::new), caseId)
        .query(
            (rs, i) ->
                media.putIfAbsent(
                    rs.getString(1),
                    new Carried(rs.getString(2), rs.getString(3), rs.getBoolean(4))))
        .list();
    List<Cited> out = new ArrayList<>();
    for (MessageRef r : refs) {
      CaseTexts.Message m = said.get(r.label());
      Carried c = r.messageId() == null ? null : media.get(Json.citing(r.chatKey(), r.messageId()));
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
