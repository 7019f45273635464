package org.haetae.analysis.requests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.haetae.analysis.flags.Flag;
import org.haetae.analysis.flags.Lexicon;

/**
 * Reads one message for a request: the ask forms (Korean by grammar, English by construction, and
 * the lexicon's {@code request_cue} phrases), and what the lexicon's categories say of its act,
 * target and guards. One reader per thread (the Korean analyser keeps state).
 */
public final class RequestReader {
  /** The least an ask on a verb of making, editing or "doing" weighs as an act. */
  static final double EVERYDAY_ACT = 0.3;

  private static final Pattern HANGUL = Pattern.compile("[가-힣ㄱ-ㅎ]");
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2}");
  // Korean asks all end in one of these; messages without any are not analysed.
  private static final Pattern KOREAN_TRIGGER =
      Pattern.compile(
          "주|줘|줄|쥬|가능|되|돼|됨|수\\s*있|수\\s*없|분|사람|구|찾|부탁|요청|봐|계신|능력자|작업자|모집|모시|모십|나요|까|니|냐|\\?");
  private static final Map<String, String> TARGET_KINDS =
      Map.of(
          "target_cue", "person",
          "relation_cue", "relation",
          "place_cue", "school or workplace",
          "sns_cue", "social-media pictures",
          "personal_details", "personal details");
  private static final Map<String, String> GUARD_KINDS =
      Map.of(
          "news_guard", "news",
          "law_guard", "law",
          "retouch_guard", "retouching",
          "object_guard", "pets, logos or group photos",
          "notice_guard", "a room notice");

  private final KoreanAsks korean = new KoreanAsks();
  private final List<String> editStems;
  private final List<String> shareStems;

  public RequestReader(Lexicon lexicon) {
    this.editStems = stems(lexicon, "edit_cue");
    this.shareStems = stems(lexicon, "share_cue");
  }

  private static List<String> stems(Lexicon lexicon, String category) {
    List<String> out = new ArrayList<>();
    for (Lexicon.Rule r : lexicon.category(category)) {
      if (r.kind() == Lexicon.Kind.STEM) {
        out.add(r.label());
      }
    }
    return out;
  }

  /**
   * @param flags every rule of the lexicon that matched the text, cue categories included
   * @param picture a picture is attached, or the message replies to one
   * @param mention the text mentions an account
   * @return null when the message does not ask, or asks for nothing that could be an edit of a
   *     person
   */
  public RequestReading read(String text, List<Flag> flags, boolean picture, boolean mention) {
    if (text.isBlank()) {
      return null;
    }
    List<Ask> asks = new ArrayList<>();
    String normal = Lexicon.normalise(text);
    if (HANGUL.matcher(normal).find() && KOREAN_TRIGGER.matcher(normal).find()) {
      asks.addAll(korean.asks(normal));
    }
    if (LATIN.matcher(normal).find()) {
      asks.addAll(EnglishAsks.asks(normal));
    }
    double act = 0;
    boolean explicit = false;
    List<String> actWords = new ArrayList<>();
    Map<String, List<String>> targets = new LinkedHashMap<>();
    List<String> guards = new ArrayList<>();
    for (Flag f : flags) {
      String c = f.category();
      if (c.equals("request_cue")) {
        asks.add(new Ask(Ask.Form.PLEA, null));
      } else if (c.equals("solicitation") && f.rule().startsWith("^")) {
        asks.add(new Ask(Ask.Form.PLEA, null)); // a "요청)" header
      } else if (c.equals("solicitation") || c.equals("euphemism_cue")) {
        act += f.weight();
        explicit |= f.weight() >= 1;
        actWords.add(excerpt(normal, f));
      } else if (TARGET_KINDS.containsKey(c)) {
        targets
            .computeIfAbsent(TARGET_KINDS.get(c), k -> new ArrayList<>())
            .add(excerpt(normal, f));
      } else if (GUARD_KINDS.containsKey(c)) {
        guards.add(GUARD_KINDS.get(c) + " (" + excerpt(normal, f) + ")");
      }
    }
    // A bare question ("이거 맞음?" under a picture, "this one?") asks only when it is about an
    // edit or names someone: makers ask it of their own deliveries too.
    boolean worded = act > 0 || !targets.isEmpty();
    asks.removeIf(
        a ->
            a.form() == Ask.Form.QUESTION
                && !worded
                && (a.anchor() == null || !isStem(a.anchor(), editStems)));
    if (asks.isEmpty()) {
      return null;
    }
    if (mention) {
      targets.computeIfAbsent("mention", k -> new ArrayList<>()).add("@");
    }
    Ask best = null;
    for (Ask a : asks) {
      boolean everyday =
          a.anchor() == null
              ? a.form() != Ask.Form.QUESTION || mentionsEditing(normal)
              : isStem(a.anchor(), editStems) || isStem(a.anchor(), shareStems);
      if (everyday && act < EVERYDAY_ACT) {
        act = EVERYDAY_ACT;
      }
      if (best == null || everyday && best.anchor() == null && a.anchor() != null) {
        best = a;
      }
    }
    act = Math.min(1, act);
    if (act == 0 && !picture && targets.isEmpty()) {
      return null;
    }
    List<String> described = new ArrayList<>();
    targets.forEach((kind, words) -> described.add(kind + " " + String.join(", ", words)));
    double target = targets.isEmpty() ? 0 : Math.min(0.6, 0.2 + 0.2 * targets.size());
    return new RequestReading(best, act, actWords, described, target, picture, guards, explicit);
  }

  /** True when the anchor is one of the stems, or a noun whose 하-verb is (합성 for 합성하). */
  private static boolean isStem(String anchor, List<String> stems) {
    String a = anchor.toLowerCase(java.util.Locale.ROOT);
    for (String s : stems) {
      if (a.equals(s) || (a + "하").equals(s) || EnglishAsks.inflects(a, s)) {
        return true;
      }
    }
    return false;
  }

  private boolean mentionsEditing(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    for (String w : t.split("[^a-z-]+")) {
      if (!w.isEmpty() && isStem(w, editStems)) {
        return true;
      }
    }
    return false;
  }

  private static String excerpt(String text, Flag f) {
    int s = Math.max(0, Math.min(text.length(), f.start()));
    int e = Math.max(s, Math.min(text.length(), f.end()));
    String w = text.substring(s, e).strip();
    return w.length() > 24 ? w.substring(0, 24) + "…" : w;
  }
}
