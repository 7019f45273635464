package org.haetae.analysis.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.haetae.analysis.flags.Lexicon;
import org.junit.jupiter.api.Test;

class LexiconSuggestionsTest {
  @Test
  void confirmedWordsBecomeTermsRejectedOnesCommentedGuards() {
    String draft =
        new LexiconSuggestions(Lexicon.builtIn())
            .draft(
                "case x",
                List.of(
                    new LexiconSuggestions.Reviewed(
                        "requester", true, null, null, "chat1#5", "같은 반 애 야동 가능?"),
                    new LexiconSuggestions.Reviewed(
                        "requester", false, null, null, "chat1#9", "초상화 가능?"),
                    new LexiconSuggestions.Reviewed(
                        "flag", false, "evasion", "경찰", "chat1#2", null),
                    new LexiconSuggestions.Reviewed(
                        "flag", true, "evasion", "경찰", "chat1#3", null)));
    assertThat(draft).contains("version: draft").contains("built-in");
    assertThat(draft).contains("# confirmed in 1 message: chat1#5\nterm: 야동");
    assertThat(draft).contains("# rejected in 1 message: chat1#9\n# term: 초상화");
    assertThat(draft).contains("evasion | 경찰: 1 / 1");
    // Words a rule already knows are not suggested again.
    assertThat(draft).doesNotContain("term: 같은");
  }
}
