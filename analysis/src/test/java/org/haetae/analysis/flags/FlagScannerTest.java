package org.haetae.analysis.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.haetae.analysis.text.TextDocument;
import org.junit.jupiter.api.Test;

class FlagScannerTest {
  private final FlagScanner scanner = new FlagScanner(Lexicon.builtIn());

  private List<String> categories(String text) {
    return scanner.scan(new TextDocument("c", 1, "u", 0, text)).stream()
        .filter(f -> !f.cue())
        .map(Flag::category)
        .distinct()
        .sorted()
        .toList();
  }

  @Test
  void builtInLexiconFlagsEachCategory() {
    assertThat(categories("지인능욕 해주실 분 구해요")).containsExactly("solicitation");
    assertThat(categories("can someone make a deepfake of her")).contains("solicitation");
    assertThat(categories("번호 010-1234-5678 이에요")).containsExactly("personal_details");
    assertThat(categories("OO고 2학년 3반 걔")).containsExactly("personal_details");
    assertThat(categories("텔레그램은 안 잡혀요 걱정마")).containsExactly("evasion");
    assertThat(categories("use a VPN and a burner")).containsExactly("evasion");
    assertThat(categories("한 장에 5000원, 문상으로 받음")).containsExactly("payment");
    assertThat(categories("오늘 점심 뭐 먹지")).isEmpty();
    assertThat(categories("")).isEmpty();
  }

  @Test
  void termsIgnoreCaseWidthAndSpacing() {
    assertThat(categories("ＤＥＥＰＦＡＫＥ")).contains("solicitation");
    assertThat(categories("계정삭제 하세요")).contains("evasion");
    assertThat(categories("계정   삭제")).contains("evasion");
  }

  @Test
  void flagsPointAtTheMatchedText() {
    List<Flag> flags = scanner.scan(new TextDocument("room", 7, "u", 0, "연락처 01098765432"));
    assertThat(flags)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.chatId()).isEqualTo("room");
              assertThat(f.messageId()).isEqualTo(7);
              assertThat("연락처 01098765432".substring(f.start(), f.end())).isEqualTo("01098765432");
            });
  }

  @Test
  void lexiconErrorsNameTheLine() {
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("term: x\n"), "my.txt"))
        .isInstanceOf(LexiconException.class)
        .hasMessage("my.txt:1: rule before any [category]");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[a]\n\nregex: (\n"), "my.txt"))
        .isInstanceOf(LexiconException.class)
        .hasMessageStartingWith("my.txt:3: bad regex");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[a]\nword: x\n"), "l"))
        .hasMessageContaining("unknown rule kind 'word'");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[Bad Name]\n"), "l"))
        .hasMessageContaining("l:1:");
  }

  @Test
  void customLexiconWithBomAndComments() throws Exception {
    Lexicon l =
        Lexicon.parse(new StringReader("\uFEFF# mine\n[custom]\nterm: red fox\n"), "custom.txt");
    FlagScanner s = new FlagScanner(l);
    assertThat(s.scan(new TextDocument("c", 1, "", 0, "a Red  Fox ran"))).hasSize(1);
    assertThat(s.scan(new TextDocument("c", 1, "", 0, "a red dog"))).isEmpty();
  }

  @Test
  void versionWeightsStemsAndCaseLexicons() throws Exception {
    Lexicon base =
        Lexicon.parse(
            new StringReader(
                "version: 7.1\n[euphemism_cue weight=0.4]\nterm: job\nterm(0.9): spicy\n"
                    + "[edit_cue]\nstem: 만들\n"),
            "base.txt");
    assertThat(base.sources())
        .singleElement()
        .satisfies(s -> assertThat(s.version()).isEqualTo("7.1"));
    assertThat(base.category("euphemism_cue"))
        .extracting(Lexicon.Rule::weight)
        .containsExactly(0.4, 0.9);
    assertThat(base.category("edit_cue"))
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(Lexicon.Kind.STEM));
    // Stems are not text patterns: the scanner leaves them to the request reader.
    assertThat(new FlagScanner(base).scan(new TextDocument("c", 1, "", 0, "만들어 줘"))).isEmpty();
    Lexicon mine = Lexicon.parse(new StringReader("[euphemism_cue]\nterm: 꿀작\n"), "case.txt");
    Lexicon both = base.plus(mine);
    assertThat(both.rules()).hasSize(4);
    assertThat(both.sources())
        .extracting(Lexicon.Source::name)
        .containsExactly("base.txt", "case.txt");
    assertThat(Lexicon.builtIn().sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("built-in");
              assertThat(s.version()).isNotEqualTo("unversioned");
              assertThat(s.sha256()).hasSize(64);
            });
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[a]\nterm(2): x\n"), "w.txt"))
        .hasMessage("w.txt:2: a weight is a number from 0 to 1");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("[a]\nstem: two words\n"), "w.txt"))
        .hasMessage("w.txt:2: a stem is one word");
  }
}
