package org.haetae.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesMarkupQuotesAndControlCharacters() {
    assertThat(Html.text("<a href='x'>\"&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    assertThat(Html.text("a\u0000b\nc\u0085d")).isEqualTo("a b c d");
    assertThat(Html.text("x\uD800y")).isEqualTo("x\uFFFDy");
    assertThat(Html.text("\uDC00")).isEqualTo("\uFFFD");
    assertThat(Html.text("😀 한글")).isEqualTo("😀 한글");
    assertThat(Html.text(null)).isEmpty();
    String plain = "plain text";
    assertThat(Html.text(plain)).isSameAs(plain);
  }

  @Test
  void anchorsKeepOnlyAsciiLettersAndDigits() {
    assertThat(Html.anchor("a-", "name:\"><b>김")).isEqualTo("a-name____b__");
    assertThat(Html.name("\u202Eevil")).isEqualTo("<bdi>\u202Eevil</bdi>");
  }
}
