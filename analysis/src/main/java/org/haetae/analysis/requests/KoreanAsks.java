package org.haetae.analysis.requests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Finds Korean ask forms by grammar, on Nori's morphological analysis rather than a word list: the
 * benefactive 주다 in all its endings and politeness levels (해주세요, 만들어 줘, 해줄래, 해주실 분, 해주시겠어요, 해주면),
 * ability and possibility questions (할 수 있나요, 할 줄 아는, 가능?, 되나요), "someone who will" (해줄 사람, 하실 분,
 * 잘하시는 분, 능력자 계신가요), pleas (부탁해요, 요청합니다, 해봐). Statements with the same verbs are not asks: past
 * (해줬어), promises (해줄게), offers (해드려요), declaratives (해줍니다, 해주는데), and reported requests (만들어 달라는).
 *
 * <p>Not thread-safe: one per reading thread.
 */
final class KoreanAsks {
  private final KoreanTokenizer tokenizer =
      new KoreanTokenizer(
          AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY,
          null,
          KoreanTokenizer.DecompoundMode.NONE,
          false,
          false);
  private final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
  private final PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);

  // Endings after 주 that make a statement, not an ask.
  private static final Set<String> STATEMENT_ENDINGS =
      Set.of("ᆯ게", "ᆯ께", "마", "ᆫ다", "는다", "ᄇ니다", "는데", "ᆫ데", "고", "지만", "어서", "니까", "었", "았", "였");
  private static final Set<String> PAST = Set.of("었", "았", "였", "ㅆ");
  private static final Set<String> QUESTION_ENDINGS =
      Set.of(
          "나요", "나", "냐", "니", "ᆯ까", "ᆯ까요", "을까", "을까요", "습니까", "ᄇ니까", "가요", "ᆫ가요", "는지", "ᆫ지",
          "려나", "ᆯ래", "ᆯ래요", "래", "래요", "남", "나여", "냐고");
  private static final Set<String> PERSONS = Set.of("분", "사람", "능력자", "작업자", "고수", "형님", "님", "방");

  List<Morph> morphs(String text) {
    List<Morph> out = new ArrayList<>();
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        POS.Type type = pos.getPOSType();
        if (type == POS.Type.INFLECT && pos.getMorphemes() != null) {
          for (var m : pos.getMorphemes()) {
            out.add(new Morph(m.surfaceForm(), m.posTag().name()));
          }
        } else {
          String s = term.toString();
          out.add(new Morph(s, s.isBlank() ? "SP" : pos.getLeftPOS().name()));
        }
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Every ask form in the text, in order. */
  List<Ask> asks(String text) {
    List<Morph> ms = morphs(KoreanSpelling.normalise(text));
    List<Ask> out = new ArrayList<>();
    for (int i = 0; i < ms.size(); i++) {
      Morph m = ms.get(i);
      if ((m.is("VX", "주")
              || m.is("NNG") && m.surface().startsWith("주") && i > 0 && !ms.get(i - 1).space())
          && afterConnective(ms, i)) {
        Ask.Form f = benefactive(ms, i);
        if (f != null) {
          out.add(new Ask(f, anchor(ms, skipBack(ms, i - 1) - 1)));
        }
      } else if (m.is("VX", "보") && afterConnective(ms, i) && imperative(ms, i + 1)) {
        out.add(new Ask(Ask.Form.PLEA, anchor(ms, skipBack(ms, i - 1) - 1)));
      } else if (m.is("NNB", "수") && etm(ms, i - 1) && ability(ms, i + 1)) {
        out.add(new Ask(Ask.Form.ABILITY, anchor(ms, before(ms, i - 1))));
      } else if (m.is("NNB", "줄") && etm(ms, i - 1) && next(ms, i + 1, "VV", "알")) {
        out.add(new Ask(Ask.Form.ABILITY, anchor(ms, before(ms, i - 1))));
      } else if (m.is("NNG", "가능") && possible(ms, i + 1)) {
        out.add(new Ask(Ask.Form.ABILITY, nounBefore(ms, i - 1)));
      } else if ((m.is("VV", "되") || m.is("VV", "돼") || m.is("VV", "벗겨지")) && question(ms, i + 1)) {
        String anchor = m.is("VV", "벗겨지") ? "벗기" : nounBefore(ms, i - 1);
        out.add(new Ask(Ask.Form.ABILITY, anchor));
      } else if (m.is("ETM") && i > 0 && person(ms, i + 1) && presentModifier(ms, i)) {
        out.add(new Ask(Ask.Form.SEEKING, anchor(ms, before(ms, i))));
      } else if ((m.is("NNG", "부탁") || m.is("NNG", "요청")) && plea(ms, i + 1)) {
        out.add(new Ask(Ask.Form.PLEA, nounBefore(ms, i - 1)));
      } else if (m.is("NNG") && PERSONS.contains(m.surface()) && seekingVerb(ms, i + 1)) {
        out.add(new Ask(Ask.Form.SEEKING, nounBefore(ms, i - 1)));
      } else if (m.predicate() && !m.is("VV", "하") && question(ms, i + 1)) {
        // A question on an editing verb itself: 벗기나요, 합성되나요.
        out.add(new Ask(Ask.Form.QUESTION, anchor(ms, i)));
      }
    }
    return out;
  }

  /** A 주 or 보 helping a verb: the connective 아/어 just before (spaces allowed: 만들어 주세요). */
  private static boolean afterConnective(List<Morph> ms, int i) {
    int j = skipBack(ms, i - 1);
    return j >= 0 && ms.get(j).is("EC");
  }

  /** The ending after a benefactive 주: an ask, or null for a statement. */
  private static Ask.Form benefactive(List<Morph> ms, int i) {
    if (ms.get(i).is("NNG")) {
      return Ask.Form.BENEFACTIVE; // 해주심, 해주셈: Nori reads the ending as a noun
    }
    int j = i + 1;
    if (j < ms.size() && ms.get(j).is("EP", "시")) {
      j++;
    }
    if (j >= ms.size()) {
      return Ask.Form.BENEFACTIVE; // 해주, cut off
    }
    Morph n = ms.get(j);
    if (n.is("EP") && PAST.contains(n.surface())) {
      // 해줬으면 좋겠다: a wish is an ask.
      return j + 1 < ms.size() && ms.get(j + 1).surface().endsWith("면")
          ? Ask.Form.BENEFACTIVE
          : null;
    }
    if (STATEMENT_ENDINGS.contains(n.surface())) {
      return null;
    }
    if (n.is("ETM")) {
      if (person(ms, j + 1)) {
        return Ask.Form.SEEKING;
      }
      if (next(ms, j + 1, "NNB", "수")) {
        return ability(ms, skip(ms, j + 1) + 1) ? Ask.Form.ABILITY : null;
      }
      return n.surface().equals("ᆫ") ? null : Ask.Form.BENEFACTIVE;
    }
    return Ask.Form.BENEFACTIVE;
  }

  private static boolean imperative(List<Morph> ms, int j) {
    if (j >= ms.size()) {
      return false;
    }
    Morph n = ms.get(j);
    return (n.is("EF") || n.is("EC"))
        && Set.of("아", "ㅏ", "ㅓ", "아라", "라", "어", "어라", "세요", "어요", "아요").contains(n.surface());
  }

  /** After "ㄹ 수": 있/없 and a question (or a question mark soon after). */
  private static boolean ability(List<Morph> ms, int j) {
    j = skip(ms, j);
    if (j >= ms.size() || !(ms.get(j).surface().equals("있") || ms.get(j).surface().equals("없"))) {
      return false;
    }
    return question(ms, j + 1);
  }

  /** A question ending or a question mark within the next few morphemes. */
  private static boolean question(List<Morph> ms, int j) {
    for (int k = j; k < Math.min(ms.size(), j + 4); k++) {
      Morph n = ms.get(k);
      if (n.is("SF") && (n.surface().contains("?") || n.surface().contains("？"))) {
        return true;
      }
      if (n.is("SF") || n.space() && k > j) {
        return false;
      }
      if ((n.is("EF") || n.is("EC")) && QUESTION_ENDINGS.contains(n.surface())) {
        return true;
      }
      if (n.is("EP") && PAST.contains(n.surface())) {
        return false;
      }
      if (n.is("NNG", "가요")) { // Nori reads 계신가요 as 계신 + 가요
        return true;
      }
    }
    return false;
  }

  /** 가능 as a question or a "who can" (가능하신 분): not 가능합니다, a maker's offer. */
  private static boolean possible(List<Morph> ms, int j) {
    if (j >= ms.size()) {
      return true; // "작업 가능" at the end of a message reads as a question
    }
    Morph n = ms.get(j);
    if (n.is("SF")) {
      return n.surface().contains("?") || n.surface().contains("？");
    }
    if (n.space()) {
      return j + 1 >= ms.size() || ms.get(j + 1).is("SY") || ms.get(j + 1).is("IC");
    }
    if (n.is("XSA") || n.is("XSV")) {
      int k = j + 1;
      if (k < ms.size() && ms.get(k).is("EP", "시")) {
        k++;
      }
      if (k < ms.size() && ms.get(k).is("ETM") && person(ms, k + 1)) {
        return true;
      }
      return question(ms, k);
    }
    return n.is("ETN") || n.is("VCP") && question(ms, j + 1);
  }

  private static boolean plea(List<Morph> ms, int j) {
    if (j >= ms.size()) {
      return true;
    }
    Morph n = ms.get(j);
    if (n.is("XSV") || n.is("VV", "드리")) {
      // 부탁해요, 요청합니다, 부탁드립니다 ask; 요청하신 거 ("what you asked for", said when
      // delivering) and 요청했어 (past) do not, nor does 요청 받습니다, an offer.
      int k = j + 1;
      if (k < ms.size() && ms.get(k).is("EP", "시")) {
        k++;
      }
      return k >= ms.size()
          || !(ms.get(k).is("ETM") || ms.get(k).is("EP") && PAST.contains(ms.get(k).surface()));
    }
    return n.is("JX", "요")
        || n.is("VCP")
        || n.is("SF")
        || n.is("IC")
        || n.space() && next(ms, j + 1, "NNG", "좀");
  }

  private static boolean person(List<Morph> ms, int j) {
    j = skip(ms, j);
    if (j >= ms.size()) {
      return false;
    }
    Morph n = ms.get(j);
    if (!(n.is("NNB") || n.is("NNG"))) {
      return false;
    }
    // Nori sometimes glues what follows: 분구해요 -> 분구.
    return PERSONS.contains(n.surface()) || n.surface().startsWith("분") && n.is("NNG");
  }

  /** 구하다, 찾다, 모시다, 있다/계시다 as a question, 모집, DM. */
  private static boolean seekingVerb(List<Morph> ms, int j) {
    j = skip(ms, j);
    if (j >= ms.size()) {
      return false;
    }
    Morph n = ms.get(j);
    String s = n.surface();
    if (s.equals("구하") || s.equals("찾") || s.equals("모시") || s.equals("모집") || s.startsWith("구합")) {
      return true;
    }
    if (s.equals("계시") || s.equals("계신") || s.equals("있") || s.equals("없")) {
      return question(ms, j + 1) || j + 1 < ms.size() && ms.get(j + 1).is("NNG", "가요");
    }
    return false;
  }

  private static boolean etm(List<Morph> ms, int j) {
    j = skipBack(ms, j);
    return j >= 0 && ms.get(j).is("ETM");
  }

  /** A modifier in the future (할 분) or, on an adjective, the present (가능하신 분). */
  private static boolean presentModifier(List<Morph> ms, int i) {
    String s = ms.get(i).surface();
    if (s.equals("ᆯ") || s.equals("을") || s.equals("는")) {
      return true;
    }
    int k = i - 1;
    if (k >= 0 && ms.get(k).is("EP", "시")) {
      k--;
    }
    return k >= 0 && (ms.get(k).is("XSA") || ms.get(k).is("VA") || ms.get(k).is("VCP"));
  }

  private static boolean next(List<Morph> ms, int j, String tag, String surface) {
    j = skip(ms, j);
    return j < ms.size() && ms.get(j).is(tag, surface);
  }

  private static int skip(List<Morph> ms, int j) {
    while (j < ms.size() && ms.get(j).space()) {
      j++;
    }
    return j;
  }

  private static int skipBack(List<Morph> ms, int j) {
    while (j >= 0 && ms.get(j).space()) {
      j--;
    }
    return j;
  }

  /** The morpheme before an ending (over 시 and spaces). */
  private static int before(List<Morph> ms, int j) {
    j = skipBack(ms, j) - 1;
    while (j >= 0 && (ms.get(j).is("EP") || ms.get(j).space())) {
      j--;
    }
    return j;
  }

  /**
   * The stem an ask is made on, read back from {@code k}: a verb (만들), a noun with 하 (합성하, also
   * when written apart: "합성 해"), or null when the ask names no action (이거 해줘).
   */
  static String anchor(List<Morph> ms, int k) {
    k = skipBack(ms, k);
    while (k >= 0 && (ms.get(k).is("EC") || ms.get(k).is("EP") || ms.get(k).is("VX"))) {
      k--;
    }
    if (k < 0) {
      return null;
    }
    Morph m = ms.get(k);
    if (m.is("XSV") || m.is("XSA") || m.is("VV", "하")) {
      String noun = nounBefore(ms, k - 1);
      return noun == null ? (m.is("VV", "하") ? "하" : null) : noun + "하";
    }
    if (m.predicate()) {
      return m.surface();
    }
    return m.noun() && !m.is("NP") ? m.surface() : null;
  }

  /** The noun just before {@code j}, over spaces and 좀, 도, 만; null for a pronoun or nothing. */
  static String nounBefore(List<Morph> ms, int j) {
    while (j >= 0
        && (ms.get(j).space()
            || ms.get(j).is("MAG")
            || ms.get(j).is("JX")
            || ms.get(j).is("JKO")
            || ms.get(j).is("JKB"))) {
      j--;
    }
    if (j < 0) {
      return null;
    }
    Morph m = ms.get(j);
    return m.is("NNG") || m.is("NNP") ? m.surface() : null;
  }
}
