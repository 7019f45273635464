package org.haetae.demo.investigation;

import java.util.List;
import java.util.Random;

/**
 * What the synthetic rooms say, in Korean and English, drawn from {@code phrases-ko.txt} and {@code
 * phrases-en.txt} beside this class. Every person, school, handle and number is invented; phone
 * numbers follow the obviously fake {@code 010-0000-12xx} pattern. The request wordings are varied
 * on purpose (some contain no lexicon word at all) and some harmless messages contain lexicon words
 * (news talk, photo editing), so a plain keyword rule cannot be perfect.
 *
 * <p>Each method draws exactly as many random numbers as before the lists moved to files, so a seed
 * still writes the same investigation.
 */
final class Phrases {
  private Phrases() {}

  static final PhraseBook KO = PhraseBook.load("phrases-ko.txt");
  static final PhraseBook EN = PhraseBook.load("phrases-en.txt");

  private static PhraseBook book(boolean korean) {
    return korean ? KO : EN;
  }

  /** A person a request names: invented, as are the school and the handle. */
  record Target(String name, String masked, String school, int grade, int classNo, String handle) {}

  static Target target(Random r) {
    String surname = pick(r, KO.list("surnames"));
    String given = pick(r, KO.list("given-names"));
    String handle =
        "@"
            + pick(r, KO.list("handles"))
            + (r.nextBoolean() ? "_" : ".")
            + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
            + "_x";
    return new Target(
        surname + given,
        surname + given.charAt(0) + "O",
        pick(r, KO.list("schools")),
        1 + r.nextInt(3),
        1 + r.nextInt(9),
        handle);
  }

  /** An obviously fake mobile number. */
  static String phone(Random r) {
    return String.format("010-0000-12%02d", r.nextInt(100));
  }

  static String request(Random r, boolean korean, Target t) {
    return fill(pick(r, book(korean).list("requests")), t);
  }

  /** Requests without any lexicon word: a keyword rule misses these. */
  static String quietRequest(Random r, boolean korean, Target t) {
    return fill(pick(r, book(korean).list("quiet-requests")), t);
  }

  /** True when the words refer to a picture that must come with them. */
  static boolean pointsAtAPicture(String words) {
    return words.contains("pic attached")
        || words.contains("this girl")
        || words.contains("this one")
        || words.startsWith("이 ")
        || words.contains("이 사진");
  }

  private static String fill(String s, Target t) {
    return s.replace("{school}", t.school())
        .replace("{school_en}", EN.one("school"))
        .replace("{grade}", Integer.toString(t.grade()))
        .replace("{class}", Integer.toString(t.classNo()))
        .replace("{name}", t.name())
        .replace("{masked}", t.masked())
        .replace("{handle}", t.handle());
  }

  static String delivery(Random r, boolean korean) {
    return pick(r, book(korean).list("deliveries"));
  }

  static String repostCaption(Random r, boolean korean) {
    return pick(r, book(korean).list("repost-captions"));
  }

  static String channelCaption(Random r) {
    return pick(r, KO.list("channel-captions"));
  }

  /** Harmless talk that contains lexicon words. */
  static String benignFlagged(Random r, boolean korean) {
    return pick(r, book(korean).list("harmless-flagged"));
  }

  static String evasion(Random r, boolean korean) {
    return pick(r, book(korean).list("evasion"));
  }

  static String payment(Random r, boolean korean) {
    return pick(r, book(korean).list("payment"));
  }

  /** A buyer asking, said by plain members. English has one wording, taken without a draw. */
  static String paymentQuestion(Random r, boolean korean) {
    return korean ? pick(r, KO.list("payment-questions")) : EN.one("payment-questions");
  }

  static String personalDetails(Random r, boolean korean, Target t) {
    return fill(pick(r, book(korean).list("personal-details")), t).replace("{phone}", phone(r));
  }

  /** Members giving their own details, harmlessly. */
  static String ownDetails(Random r, Target t) {
    return fill(pick(r, KO.list("own-details")), t).replace("{phone}", phone(r));
  }

  static String chat(Random r, boolean korean) {
    PhraseBook b = book(korean);
    return pick(r, b.list("chat")) + pick(r, b.list("chat-tails"));
  }

  static String memeCaption(Random r, boolean korean) {
    return pick(r, book(korean).list("meme-captions"));
  }

  static String photoCaption(Random r, boolean korean) {
    return pick(r, book(korean).list("photo-captions"));
  }

  /** Short replies to a request, by people who do not answer it with a picture. */
  static String requestReply(Random r, boolean korean) {
    return pick(r, book(korean).list("request-replies"));
  }

  static String savedNote(Random r) {
    return pick(r, KO.list("saved-notes"));
  }

  static String channelTalk(Random r) {
    return pick(r, KO.list("channel-talk"));
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
