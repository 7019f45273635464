package org.haetae.analysis.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.analysis.flags.FlagScanner;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.text.TextDocument;
import org.junit.jupiter.api.Test;

/** Ask forms by grammar and construction, and what the lexicon says of act, target and guards. */
class RequestReaderTest {
  private final Lexicon lexicon = Lexicon.builtIn();
  private final FlagScanner flags = new FlagScanner(lexicon);
  private final RequestReader reader = new RequestReader(lexicon);
  private final KoreanAsks korean = new KoreanAsks();

  private RequestReading read(String text) {
    return reader.read(text, flags.scan(new TextDocument("c", 1, "u", 0, text)), false, false);
  }

  private Ask.Form koreanForm(String text) {
    var asks = korean.asks(Lexicon.normalise(text));
    return asks.isEmpty() ? null : asks.get(0).form();
  }

  @Test
  void benefactiveInEveryPolitenessLevelAndSpacing() {
    for (String s :
        new String[] {
          "합성해주세요", "합성 해 주세요", "합성 해줘", "합성해 줘요", "합성해주십시오", "합성 해주시겠어요?",
          "합성해 줄래?", "합성해주면 사례함", "합성해주셈", "합성해주세용", "합성해쥬세요", "합 성 해 주 세 요",
          "만들어 주라", "바꿔 주실래요", "벗겨주실 수 있나요", "해줬으면 좋겠다"
        }) {
      assertThat(koreanForm(s)).as(s).isNotNull();
    }
  }

  @Test
  void statementsWithTheSameVerbsAreNotAsks() {
    for (String s :
        new String[] {
          "어제 친구가 합성 해줬는데 웃김",
          "그거 내가 만들어 줄게",
          "합성 해드려요",
          "작업 가능합니다",
          "딥페이크 만들어 달라는 사람 있으면",
          "걔가 해주는데 퀄 좋음"
        }) {
      assertThat(korean.asks(Lexicon.normalise(s))).as(s).isEmpty();
    }
  }

  @Test
  void abilitySeekingAndPleaForms() {
    assertThat(koreanForm("누드 합성 할 줄 아는 사람?")).isEqualTo(Ask.Form.ABILITY);
    assertThat(koreanForm("만들 수 있나요?")).isEqualTo(Ask.Form.ABILITY);
    assertThat(koreanForm("작업 되나요?")).isEqualTo(Ask.Form.ABILITY);
    assertThat(koreanForm("딥페 가능?")).isEqualTo(Ask.Form.ABILITY);
    assertThat(koreanForm("겹지인 능욕해줄 사람")).isEqualTo(Ask.Form.SEEKING);
    assertThat(koreanForm("딥페 능력자 계신가요")).isEqualTo(Ask.Form.SEEKING);
    assertThat(koreanForm("합성 요청합니다")).isEqualTo(Ask.Form.PLEA);
    assertThat(koreanForm("신OO 합성 해봐")).isEqualTo(Ask.Form.PLEA);
    // The stem the ask is made on, with its noun when written apart.
    assertThat(korean.asks("같은 반 애 합성 해주세요").get(0).anchor()).isEqualTo("합성하");
    assertThat(korean.asks("하나 만들어 주세요").get(0).anchor()).isEqualTo("만들");
  }

  @Test
  void englishConstructions() {
    assertThat(EnglishAsks.asks("can someone do her?"))
        .extracting(Ask::form)
        .contains(Ask.Form.ABILITY);
    assertThat(EnglishAsks.asks("who can undress this one"))
        .extracting(Ask::anchor)
        .contains("undress");
    assertThat(EnglishAsks.asks("need this done asap"))
        .extracting(Ask::form)
        .contains(Ask.Form.NEED);
    assertThat(EnglishAsks.asks("i'll pay 20 bucks for one of her"))
        .extracting(Ask::form)
        .contains(Ask.Form.COMMISSION);
    assertThat(EnglishAsks.asks("looking for someone to photoshop my classmate"))
        .extracting(Ask::anchor)
        .contains("photoshop");
    assertThat(EnglishAsks.asks("that's crazy")).isEmpty();
    assertThat(EnglishAsks.inflects("making", "make")).isTrue();
    assertThat(EnglishAsks.inflects("edited", "edit")).isTrue();
    assertThat(EnglishAsks.inflects("maker", "make")).isFalse();
  }

  @Test
  void readingWeighsActTargetAndGuards() {
    RequestReading r = read("같은 반 김OO 합성 해주세요");
    assertThat(r.act()).isEqualTo(0.7);
    assertThat(r.target()).isEqualTo(0.6);
    assertThat(r.targets()).anyMatch(t -> t.startsWith("relation"));
    assertThat(r.guards()).isEmpty();
    // An everyday verb weighs 0.3: context decides.
    assertThat(read("하나 만들어 주세요").act()).isEqualTo(RequestReader.EVERYDAY_ACT);
    assertThat(read("우리 강아지 사진 합성해 주세요").guards()).isNotEmpty();
    assertThat(read("딥페이크 처벌법 기사 봤어?")).isNull();
    assertThat(read("오늘 점심 뭐 먹지")).isNull();
    assertThat(read("can someone make her naked").explicit()).isTrue();
  }
}
