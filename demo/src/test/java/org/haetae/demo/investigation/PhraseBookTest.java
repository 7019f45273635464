package org.haetae.demo.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseBookTest {
  @Test
  void quotesKeepEmptyPhrasesAndEdgeSpacesAndCommentsAreSkipped() {
    Map<String, List<String>> s =
        PhraseBook.parse(
            "t.txt", List.of("# comment", "[tails]", "\"\"", "\" ㅋㅋ\"", "", "ok", "[one]", "a b"));
    assertThat(s).containsOnlyKeys("tails", "one");
    assertThat(s.get("tails")).containsExactly("", " ㅋㅋ", "ok");
    assertThat(s.get("one")).containsExactly("a b");
  }

  @Test
  void aPhraseOutsideASectionOrASectionTwiceNamesTheLine() {
    assertThatThrownBy(() -> PhraseBook.parse("t.txt", List.of("stray")))
        .hasMessageContaining("t.txt:1");
    assertThatThrownBy(() -> PhraseBook.parse("t.txt", List.of("[a]", "x", "[a]")))
        .hasMessageContaining("t.txt:3");
  }

  @Test
  void theShippedFilesHoldEverySectionTheGeneratorAsksFor() {
    for (String section :
        List.of("requests", "quiet-requests", "chat", "chat-tails", "surnames", "handles")) {
      assertThat(Phrases.KO.list(section)).isNotEmpty();
    }
    assertThat(Phrases.EN.one("payment-questions")).isEqualTo("how much is it?");
    assertThat(Phrases.KO.list("chat-tails")).contains("", " ㅋㅋ");
    assertThatThrownBy(() -> Phrases.EN.list("no-such-section"))
        .hasMessageContaining("phrases-en.txt");
  }
}
