package org.haetae.server.lexicon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.requests.LexiconSuggestions;
import org.haetae.analysis.result.MessageRef;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.cases.CaseFolders;
import org.haetae.server.texts.CaseTextsCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What reviewers taught on one case, as a case lexicon draft: the requester roles and flags they
 * confirmed or rejected (kept per case: {@code role_claims.decision}, {@code flag_decisions}), with
 * the cited messages' text read from the case's index. Read-only: nothing learns silently.
 */
@Service
public class LexiconLessons {
  private final JdbcClient jdbc;
  private final CaseTextsCache texts;
  private final CaseFolders folders;

  public LexiconLessons(JdbcClient jdbc, CaseTextsCache texts, CaseFolders folders) {
    this.jdbc = jdbc;
    this.texts = texts;
    this.folders = folders;
  }

  private record Decided(boolean confirmed, MessageRef ref, String category, String rule) {}

  public String draft(UUID caseId) throws IOException {
    List<Decided> decided = new ArrayList<>();
    jdbc.sql(
            """
            select c.decision, e->>'chat', (e->>'message_id')::bigint,
              coalesce((e->>'date')::bigint, 0), e->>'export'
            from role_claims c, jsonb_array_elements(c.evidence) e
            where c.case_id = ? and c.role = 'requester' and c.decision is not null""")
        .params(caseId)
        .query(
            (r, i) ->
                decided.add(
                    new Decided(
                        "confirmed".equals(r.getString(1)),
                        new MessageRef(
                            r.getString(2), (Long) r.getObject(3), r.getLong(4), r.getString(5)),
                        null,
                        null)))
        .list();
    jdbc.sql(
            "select decision, chat_key, message_id, category, rule from flag_decisions"
                + " where case_id = ? order by category, rule")
        .params(caseId)
        .query(
            (r, i) ->
                decided.add(
                    new Decided(
                        "confirmed".equals(r.getString(1)),
                        new MessageRef(r.getString(2), r.getLong(3), 0, null),
                        r.getString(4),
                        r.getString(5))))
        .list();
    List<MessageRef> refs = decided.stream().map(Decided::ref).toList();
    Map<String, CaseTexts.Message> found =
        texts.readOr(folders.folder(caseId), t -> t.find(refs), Map.of());
    List<LexiconSuggestions.Reviewed> items = new ArrayList<>();
    for (Decided d : decided) {
      CaseTexts.Message m = found.get(d.ref().label());
      items.add(
          new LexiconSuggestions.Reviewed(
              d.category() == null ? "requester" : "flag",
              d.confirmed(),
              d.category(),
              d.rule(),
              d.ref().label(),
              m == null ? null : m.text()));
    }
    return new LexiconSuggestions(Lexicon.builtIn()).draft("case " + caseId, items);
  }
}
