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

  public FlagScanner(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  public List<Flag> scan(TextDocument doc) {
    if (doc.text().isEmpty()) {
      return List.of();
    }
    String text = Lexicon.normalise(doc.text());
    List<Flag> flags = new ArrayList<>();
    Set<Lexicon.Rule> seen = new HashSet<>();
    for (Lexicon.Rule rule : lexicon.rules()) {
      if (rule.pattern() == null) {
        continue; // stems need a morphological analysis: the request reader matches them
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
