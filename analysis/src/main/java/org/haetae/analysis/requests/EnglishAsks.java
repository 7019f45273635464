package org.haetae.analysis.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English ask forms by construction: a modal question to someone ("can someone / could you /
 * any1 can ... VERB"), seeking ("who can ...", "looking for someone to ..."), need ("need X done",
 * "wanna see her ..."), paying ("will pay", "$30 if someone can", "commission:"), pleas and
 * imperatives ("pls do this one", "make her ..."), and questions that point ("this one?", "u up for
 * this one?"). The verb each is made on is kept, for the lexicon to judge.
 */
final class EnglishAsks {
  private static final String AGENT =
      "(?:someone|somebody|anyone|anybody|any1|some1|you guys|you|u|ya|y'?all|ppl|people)";
  private static final String VERB = "([a-z][a-z'-]*)";
  private static final String FILLER =
      "(?:(?:please|pls|plz|just|maybe|kindly|help me|be down to|be able to|actually)\\s+)*";

  private record Construction(Ask.Form form, Pattern pattern, boolean anchored) {}

  private static final List<Construction> CONSTRUCTIONS =
      List.of(
          c(
              Ask.Form.ABILITY,
              "\\b(?:can|could|would|will|cud|wud|can'?t|couldn'?t)\\s+"
                  + AGENT
                  + "\\s+"
                  + FILLER
                  + VERB),
          c(
              Ask.Form.ABILITY,
              "\\b" + AGENT + "\\s+(?:able to|can|could|willing to|down to)\\s+" + FILLER + VERB),
          c(Ask.Form.ABILITY, "\\bis it possible to\\s+" + VERB),
          c(Ask.Form.ABILITY, "\\bcan (?:this|it|that|these) be\\s+" + VERB),
          n(Ask.Form.ABILITY, "\\blmk if (?:u|you) can\\b"),
          n(Ask.Form.ABILITY, "\\b(?:u|you) up for\\b"),
          c(
              Ask.Form.SEEKING,
              "\\b(?:who|whoever|who'?s)\\s+(?:can|could|will|would|wants to|is good at|good at|does|takes|is down to)\\s+"
                  + VERB),
          n(Ask.Form.SEEKING, "\\bwho can\\s*[?.!]*\\s*$"),
          c(
              Ask.Form.SEEKING,
              "\\b(?:looking for|need|needs|want|wants|searching for|hiring)\\s+(?:someone|somebody|anyone|a guy|an editor|an artist|a pro)\\s+(?:to|who can|that can)\\s+"
                  + VERB),
          c(Ask.Form.SEEKING, "\\bi'?d\\s+like\\s+(?:someone|somebody|anyone)\\s+to\\s+" + VERB),
          c(Ask.Form.SEEKING, "(?:^|[.!?,]\\s*)(?:someone|somebody|anyone|any1)\\s+" + VERB),
          n(Ask.Form.SEEKING, "\\b(?:anyone|anybody|any takers|any1)\\s*\\?"),
          c(
              Ask.Form.NEED,
              "\\b(?:need|needs|want|wanna|would like|i'?d like)\\s+(?:(?:my|this|her|him|it|that|these|the|a|an|[a-z]+'s|[a-z]+)\\s+){0,3}(done|made|edited|shopped|fixed|undressed)\\b"),
          c(
              Ask.Form.NEED,
              "\\b(?:wanna|want to|would like to|i'?d like to)\\s+(see)\\s+(?:her|him|my|this|these)\\b"),
          c(
              Ask.Form.NEED,
              "\\bneed\\s+an?\\s+(?:[a-z]+\\s+)?(version|edit|pic|vid|video)\\s+of\\b"),
          n(
              Ask.Form.COMMISSION,
              "\\b(?:i'?ll|i will|will|gonna|ready to|can)\\s+(?:pay|tip|venmo|paypal)\\b"),
          n(Ask.Form.COMMISSION, "\\bpaying\\b"),
          n(Ask.Form.COMMISSION, "\\$\\s*\\d+\\s+(?:if|for)\\b"),
          n(Ask.Form.COMMISSION, "\\b\\d+\\s*(?:bucks|usd|dollars)\\s+(?:if|for)\\b"),
          n(Ask.Form.COMMISSION, "\\bvenmo ready\\b"),
          n(Ask.Form.COMMISSION, "\\bwill send (?:crypto|money|cash)\\b"),
          n(Ask.Form.COMMISSION, "^\\s*commission\\s*:"),
          c(
              Ask.Form.PLEA,
              "(?:^|[.!?,]\\s*)(?:pls|plz|please)?\\s*(make|do|edit|photoshop|undress|strip|nudify|x-ray|put|turn|remove|send|drop|share)\\s+(?:her|him|this|that|my|one|it|them|these|ur|your|the)\\b"),
          c(Ask.Form.PLEA, "\\b(?:pls|plz|please|pleeease)\\s+" + VERB),
          n(Ask.Form.PLEA, "\\b(?:pls|plz|please|pleeease)\\b"),
          n(Ask.Form.PLEA, "\\b(?:requesting|request\\s*:)"),
          c(Ask.Form.QUESTION, "\\b(?:thoughts on|how about)\\s+" + VERB),
          n(Ask.Form.QUESTION, "\\?"));

  private static Construction c(Ask.Form f, String regex) {
    return new Construction(f, Pattern.compile(regex), true);
  }

  private static Construction n(Ask.Form f, String regex) {
    return new Construction(f, Pattern.compile(regex), false);
  }

  private EnglishAsks() {}

  static List<Ask> asks(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    List<Ask> out = new ArrayList<>();
    for (Construction c : CONSTRUCTIONS) {
      Matcher m = c.pattern().matcher(t);
      if (m.find()) {
        out.add(new Ask(c.form(), c.anchored() ? m.group(1) : null));
      }
    }
    return out;
  }

  /** True when {@code word} is {@code stem} or one of its regular inflections. */
  static boolean inflects(String word, String stem) {
    if (word.equals(stem)) {
      return true;
    }
    if (!word.startsWith(stem.substring(0, Math.max(1, stem.length() - 1)))) {
      return false;
    }
    String base = stem.endsWith("e") ? stem.substring(0, stem.length() - 1) : stem;
    char last = stem.charAt(stem.length() - 1);
    for (String form :
        new String[] {
          stem + "s",
          stem + "es",
          stem + "d",
          stem + "ed",
          base + "ing",
          base + "ed",
          stem + last + "ing",
          stem + last + "ed"
        }) {
      if (word.equals(form)) {
        return true;
      }
    }
    return false;
  }
}
