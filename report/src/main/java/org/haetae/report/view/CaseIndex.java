package org.haetae.report.view;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.ChatSummary;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;

/**
 * Look-ups the human-readable reports need over one analysis: names for the keys the analysis uses,
 * and the figures of the summary. Both HTML and PDF use it so they never disagree.
 */
public final class CaseIndex {
  private final CaseAnalysis analysis;
  private final Map<String, ActorProfile> accounts = new HashMap<>();
  private final Map<String, ChatSummary> chats = new HashMap<>();
  private final Map<String, MediaItem> media = new HashMap<>();
  private final Map<String, Integer> ranks = new HashMap<>();
  private final long victims;

  public CaseIndex(CaseAnalysis analysis) {
    this.analysis = analysis;
    List<ActorProfile> list = analysis.accounts();
    for (int i = 0; i < list.size(); i++) {
      accounts.putIfAbsent(list.get(i).key(), list.get(i));
      ranks.putIfAbsent(list.get(i).key(), i + 1);
    }
    analysis.chats().forEach(c -> chats.putIfAbsent(c.key(), c));
    analysis.media().forEach(m -> media.putIfAbsent(m.sha256(), m));
    this.victims = analysis.matches().stream().map(CaseIndex::entryKey).distinct().count();
  }

  public CaseAnalysis analysis() {
    return analysis;
  }

  /** A bank entry stands for one victim's image; the same id in two banks is two entries. */
  public static String entryKey(BankMatch m) {
    return m.bank() + "\u0000" + m.entryId();
  }

  /** Distinct bank entries that matched: how many victims' images the case carries. */
  public long victims() {
    return victims;
  }

  /** 1 for the highest-scoring account; 0 for a key the analysis does not list. */
  public int rank(String key) {
    return key == null ? 0 : ranks.getOrDefault(key, 0);
  }

  public ActorProfile account(String key) {
    return key == null ? null : accounts.get(key);
  }

  /** The account's latest display name, the key itself when it is not in the analysis. */
  public String accountName(String key) {
    if (key == null) {
      return "unknown";
    }
    ActorProfile a = accounts.get(key);
    return a == null ? key : a.displayName();
  }

  public ChatSummary chat(String key) {
    return chats.get(key);
  }

  /** The room's name, or its key when it has none. */
  public String chatName(String key) {
    ChatSummary c = chats.get(key);
    return c == null || c.name() == null || c.name().isBlank() ? key : c.name();
  }

  public MediaItem media(String sha256) {
    return media.get(sha256);
  }

  /** {@code chat123#45 (2024-03-01 21:05 UTC)}: how every report cites a message. */
  public static String cite(MessageRef m) {
    return m.label() + " (" + Dates.minute(m.dateUnix()) + ")";
  }

  /** Matched messages per room, most first: the rooms the timeline chart draws. */
  public Map<String, Long> matchesByRoom() {
    Map<String, Long> counts = new HashMap<>();
    analysis.matches().forEach(m -> counts.merge(m.message().chatKey(), 1L, Long::sum));
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The first {@code max} elements, so big cases stay readable; the rest is in report.json. */
  public static <T> List<T> head(List<T> list, int max) {
    return list.size() <= max ? list : list.subList(0, max);
  }
}
