package org.haetae.analysis.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.haetae.analysis.flags.FlagScanner;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.text.TextDocument;

/**
 * Turns reviewers' decisions into a case lexicon draft for a person to read: words of confirmed
 * requests that no rule knows (candidate coded words), words of rejected requests (candidate
 * guards, commented out), and how often each flag rule was confirmed or rejected. Nothing is
 * applied: the draft is passed to a scan with {@code --case-lexicon} only once someone has edited
 * it.
 */
public final class LexiconSuggestions {
  /**
   * A reviewed item.
   *
   * @param kind {@code requester} (a role's cited message) or {@code flag}
   * @param category the flag's category (null for a role)
   * @param rule the flag's rule (null for a role)
   * @param ref where the message is ({@code ROOM#ID})
   * @param text the message's text, or null when the index does not have it
   */
  public record Reviewed(
      String kind, boolean confirmed, String category, String rule, String ref, String text) {}

  private static final Set<String> STOP =
      Set.of(
          "사진", "이거", "이것", "그거", "좀", "하나", "진짜", "제발", "the", "a", "an", "and", "to", "of", "for",
          "me", "my", "i", "it", "is", "this", "that", "pls", "please", "can", "you", "u",
          "someone", "anyone", "her", "him", "she", "with", "on", "in");

  private final Lexicon lexicon;
  private final FlagScanner scanner;
  private final KoreanAsks korean = new KoreanAsks();

  public LexiconSuggestions(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.scanner = new FlagScanner(lexicon);
  }

  /** The draft, in the lexicon's own format. */
  public String draft(String caseName, List<Reviewed> items) {
    Map<String, Set<String>> confirmedWords = new TreeMap<>();
    Map<String, Set<String>> rejectedWords = new TreeMap<>();
    Map<String, int[]> flagVotes = new TreeMap<>();
    int confirmed = 0;
    int rejected = 0;
    for (Reviewed r : items) {
      if (r.kind().equals("flag")) {
        flagVotes
            .computeIfAbsent(r.category() + " | " + r.rule(), k -> new int[2])[
            r.confirmed() ? 0 : 1]++;
        continue;
      }
      if (r.text() == null) {
        continue;
      }
      if (r.confirmed()) {
        confirmed++;
      } else {
        rejected++;
      }
      for (String w : unknownWords(r.text())) {
        (r.confirmed() ? confirmedWords : rejectedWords)
            .computeIfAbsent(w, k -> new LinkedHashSet<>())
            .add(r.ref());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Case lexicon draft for ")
        .append(caseName)
        .append(", from reviewers' decisions.\n");
    sb.append("# Nothing here is applied until a person edits this file and passes it to\n");
    sb.append("# haetae scan --case-lexicon. Each suggestion cites the messages it comes from.\n");
    sb.append("# Requester roles reviewed: ")
        .append(confirmed)
        .append(" confirmed, ")
        .append(rejected)
        .append(" rejected messages; built on ");
    lexicon.sources().forEach(s -> sb.append(s.label()).append(' '));
    sb.append("\nversion: draft\n\n[euphemism_cue weight=0.5]\n");
    sb.append("# Words of confirmed requests that no rule knows, and no rejected request has.\n");
    for (Map.Entry<String, Set<String>> e : confirmedWords.entrySet()) {
      if (!rejectedWords.containsKey(e.getKey())) {
        sb.append("# confirmed in ").append(cite(e.getValue())).append('\n');
        sb.append("term: ").append(e.getKey()).append('\n');
      }
    }
    sb.append("\n[retouch_guard]\n");
    sb.append(
        "# Words of rejected requests that no confirmed one has. Uncomment those that mark\n");
    sb.append(
        "# legitimate talk; a guard rules a message out unless explicit words name a person.\n");
    for (Map.Entry<String, Set<String>> e : rejectedWords.entrySet()) {
      if (!confirmedWords.containsKey(e.getKey())) {
        sb.append("# rejected in ").append(cite(e.getValue())).append('\n');
        sb.append("# term: ").append(e.getKey()).append('\n');
      }
    }
    sb.append(
        "\n# Flag rules as reviewers judged them (confirmed / rejected). A rule mostly rejected\n");
    sb.append("# may need narrowing in a full copy of the lexicon (--lexicon).\n");
    flagVotes.forEach(
        (rule, v) ->
            sb.append("#   ")
                .append(rule)
                .append(": ")
                .append(v[0])
                .append(" / ")
                .append(v[1])
                .append('\n'));
    return sb.toString();
  }

  private static String cite(Set<String> refs) {
    List<String> l = new ArrayList<>(refs);
    return l.size()
        + (l.size() == 1 ? " message: " : " messages: ")
        + String.join(", ", l.subList(0, Math.min(5, l.size())))
        + (l.size() > 5 ? ", ..." : "");
  }

  /** Nouns, verb stems and English words of a text that no rule of the lexicon matches. */
  Set<String> unknownWords(String text) {
    String normal = Lexicon.normalise(text);
    Set<String> out = new LinkedHashSet<>();
    for (Morph m : korean.morphs(KoreanSpelling.normalise(normal))) {
      boolean content = m.is("NNG") || m.is("VV") || m.is("VA");
      String w = m.surface().toLowerCase(Locale.ROOT);
      if (!content || w.length() < 2 || STOP.contains(w)) {
        continue;
      }
      if (m.is("SL") || w.matches("[a-z].*")) {
        continue;
      }
      if (scanner.scan(new TextDocument("s", 0, "", 0, w)).isEmpty()) {
        out.add(w);
      }
    }
    for (String w : normal.toLowerCase(Locale.ROOT).split("[^a-z'-]+")) {
      if (w.length() > 2
          && !STOP.contains(w)
          && scanner.scan(new TextDocument("s", 0, "", 0, w)).isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
