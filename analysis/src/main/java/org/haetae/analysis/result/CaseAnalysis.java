package org.haetae.analysis.result;

import java.util.List;
import org.haetae.analysis.graph.CaseGraph;

/**
 * Everything the analysis found in a case: what the report shows and {@code report.json} holds.
 *
 * @param accounts highest severity score first
 * @param spread one trail per matched bank entry, most rooms reached first
 */
public record CaseAnalysis(
    CaseInfo info,
    List<ChatSummary> chats,
    List<ActorProfile> accounts,
    List<MediaItem> media,
    List<BankMatch> matches,
    List<SpreadTrail> spread,
    List<TextFlag> flags,
    List<CaseFinding> findings,
    CaseGraph graph) {
  public CaseAnalysis {
    chats = List.copyOf(chats);
    accounts = List.copyOf(accounts);
    media = List.copyOf(media);
    matches = List.copyOf(matches);
    spread = List.copyOf(spread);
    flags = List.copyOf(flags);
    findings = List.copyOf(findings);
  }
}
