package org.haetae.analysis.flags;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.haetae.analysis.text.TextDocument;

/**
 * Applies a lexicon's term and regex rules to messages: every rule that matches, once per message
 * and rule.
 */
public final class FlagScanner {
  private final Lexicon lexicon;
  // Per rule, a character every match contains (a term's first letter, lower-cased), or 0: a term
  // whose letter is not in the message cannot match, which spares most of the regex work.
  private final char[] needs;

  public FlagScanner(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.needs = new char[lexicon.rules().size()];
    for (int i = 0; i < needs.length; i++) {
      Lexicon.Rule r = lexicon.rules().get(i);
      if (r.kind() == Lexicon.Kind.TERM) {
        String t = Lexicon.normalise(r.label()).strip().toLowerCase(java.util.Locale.ROOT);
        char c = t.isEmpty() ? 0 : t.charAt(0);
        // Letters whose case folding is not one-to-one are left to the regex.
        needs[i] =
            Character.toUpperCase(c) != c && Character.toLowerCase(Character.toUpperCase(c)) != c
                ? 0
                : c;
      }
    }
  }

  public List<Flag> scan(TextDocument doc) {
    if (doc.text().isEmpty()) {
      return List.of();
    }
    String text = Lexicon.normalise(doc.text());
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    List<Flag> flags = new ArrayList<>();
    Set<Lexicon.Rule> seen = new HashSet<>();
    List<Lexicon.Rule> rules = lexicon.rules();
    for (int i = 0; i < rules.size(); i++) {
      Lexicon.Rule rule = rules.get(i);
      if (rule.pattern() == null) {
        continue; // stems need a morphological analysis: the request reader matches them
      }
      if (needs[i] != 0 && lower.indexOf(needs[i]) < 0) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      if (m.find() && seen.add(rule)) {
        flags.add(
            new Flag(
                doc.chatId(),
                doc.messageId(),
                rule.category(),
                rule.label(),
                m.start(),
                m.end(),
                rule.weight()));
      }
    }
    return flags;
  }
}
