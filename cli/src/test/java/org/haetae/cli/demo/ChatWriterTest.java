package org.haetae.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatWriterTest {
  @Test
  void mentionsAndLinksBecomeEntitiesLikeTelegramMarksThem() {
    List<String[]> runs = ChatWriter.runs("인스타 @seoyun_0412 봐 https://example.com/x 끝");
    assertThat(runs)
        .extracting(r -> r[0] + ":" + r[1])
        .containsExactly(
            "plain:인스타 ",
            "mention:@seoyun_0412",
            "plain: 봐 ",
            "link:https://example.com/x",
            "plain: 끝");
  }

  @Test
  void addressesShortHandlesAndEmptyTextStayPlain() {
    assertThat(ChatWriter.runs("a@example.org @ab ok"))
        .extracting(r -> r[0])
        .containsExactly("plain");
    assertThat(ChatWriter.runs("")).isEmpty();
    // A dot ends a Telegram username, as in an Instagram handle.
    assertThat(ChatWriter.runs("@jiwoo.0611_x"))
        .extracting(r -> r[0] + ":" + r[1])
        .containsExactly("mention:@jiwoo", "plain:.0611_x");
  }
}
