package org.haetae.server.lexicon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.requests.LexiconSuggestions;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.Decision;
import org.haetae.server.storage.Reviews;
import org.haetae.server.texts.CaseTextsCache;
import org.springframework.stereotype.Service;

/**
 * What reviewers taught on one case, as a case lexicon draft: the requester roles and flags they
 * confirmed or rejected (kept per case by {@link Reviews}), with the cited messages' text read from
 * the case's index. Read-only: nothing learns silently.
 */
@Service
public class LexiconLessons {
  private final Reviews reviews;
  private final CaseTextsCache texts;

  public LexiconLessons(Reviews reviews, CaseTextsCache texts) {
    this.reviews = reviews;
    this.texts = texts;
  }

  private record Decided(boolean confirmed, MessageRef ref, String category, String rule) {}

  public String draft(OpenCase c) throws IOException {
    List<Decided> decided = new ArrayList<>();
    for (Reviews.DecidedCitation d : reviews.decidedCitations(c, Role.REQUESTER)) {
      decided.add(new Decided(d.decision() == Decision.CONFIRMED, d.cited(), null, null));
    }
    for (Reviews.FlagDecision d : reviews.flagDecisions(c)) {
      decided.add(
          new Decided(
              d.decision() == Decision.CONFIRMED,
              new MessageRef(d.chatKey(), d.messageId(), 0, null),
              d.category(),
              d.rule()));
    }
    List<MessageRef> refs = decided.stream().map(Decided::ref).toList();
    Map<String, CaseTexts.Message> found = texts.readOr(c.folder(), t -> t.find(refs), Map.of());
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
    return new LexiconSuggestions(Lexicon.builtIn()).draft("case " + c.id(), items);
  }
}
