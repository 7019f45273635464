package org.haetae.analysis.requests;

/**
 * An ask form found in a message: how it asks, and on which word.
 *
 * @param anchor the stem or word the ask is made on ({@code 합성하}, {@code make}), or null when the
 *     ask names no action ("이거 가능?", "this one pls")
 */
public record Ask(Form form, String anchor) {

  /** The grammatical forms of asking. */
  public enum Form {
    /** Korean benefactive 주다: 해주세요, 만들어 줘, 해줄래, 해주실 분, 해주면. */
    BENEFACTIVE("benefactive"),
    /** Can/possible questions: 할 수 있어요?, 가능?, 되나요, ㄱㄴ, can someone, is it possible. */
    ABILITY("ability question"),
    /** "Someone who will": 해줄 사람, 하실 분, 능력자 구함, who can, looking for someone to. */
    SEEKING("seeking someone"),
    /** Pleas and imperatives: 부탁해요, 제발, 해봐, please, make her ... */
    PLEA("plea"),
    /** "Need X done", "want to see her ...". */
    NEED("need"),
    /** Paying for it: will pay, $30 if someone can, commission: ... */
    COMMISSION("commission"),
    /** A question pointing at a picture or a person. */
    QUESTION("question");

    private final String words;

    Form(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public String describe() {
    return anchor == null ? form.words() : form.words() + " on " + anchor;
  }
}
