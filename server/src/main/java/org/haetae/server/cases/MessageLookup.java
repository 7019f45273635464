package org.haetae.server.cases;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.result.MessageRef;
import org.haetae.pipeline.texts.CaseTexts;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.MediaReads;
import org.haetae.server.texts.CaseTextsCache;
import org.springframework.stereotype.Service;

/**
 * Completes message references with their text (from the case's index) and the media they carried
 * (from the database), in two lookups for a whole page rather than one per message.
 */
@Service
public class MessageLookup {
  private final MediaReads media;
  private final CaseTextsCache texts;

  public MessageLookup(MediaReads media, CaseTextsCache texts) {
    this.media = media;
    this.texts = texts;
  }

  public List<Cited> complete(OpenCase c, List<MessageRef> refs) throws IOException {
    if (refs.isEmpty()) {
      return List.of();
    }
    Map<String, CaseTexts.Message> said = texts.readOr(c.folder(), t -> t.find(refs), Map.of());
    Map<String, MediaReads.Carried> carried = media.carried(c, refs);
    List<Cited> out = new ArrayList<>();
    for (MessageRef r : refs) {
      CaseTexts.Message m = said.get(r.label());
      MediaReads.Carried k = r.messageId() == null ? null : carried.get(r.label());
      out.add(
          new Cited(
              r.chatKey(),
              r.messageId(),
              r.dateUnix() == 0 ? null : Instant.ofEpochSecond(r.dateUnix()),
              m == null ? null : m.fromId(),
              m == null ? null : m.text(),
              k == null ? null : k.sha256(),
              k == null ? null : k.kind(),
              k != null && k.matched()));
    }
    return out;
  }
}
