package org.haetae.demo.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextRunsTest {
  @Test
  void mentionsAndLinksBecomeEntitiesLikeTelegramMarksThem() {
    List<TextRuns.Run> runs = TextRuns.of("인스타 @seoyun_0412 봐 https://example.com/x 끝");
    assertThat(runs)
        .extracting(r -> r.type() + ":" + r.text())
        .containsExactly(
            "plain:인스타 ",
            "mention:@seoyun_0412",
            "plain: 봐 ",
            "link:https://example.com/x",
            "plain: 끝");
  }

  @Test
  void addressesShortHandlesAndEmptyTextStayPlain() {
    assertThat(TextRuns.of("a@example.org @ab ok"))
        .extracting(TextRuns.Run::type)
        .containsExactly("plain");
    assertThat(TextRuns.of("")).isEmpty();
    // A dot ends a Telegram username, as in an Instagram handle.
    assertThat(TextRuns.of("@jiwoo.0611_x"))
        .extracting(r -> r.type() + ":" + r.text())
        .containsExactly("mention:@jiwoo", "plain:.0611_x");
  }
}
