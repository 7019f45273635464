package org.haetae.analysis.requests;

import java.util.List;

/**
 * What one message says towards a request, before its context is known: kept with the message for
 * {@link RequestJudge} to weigh with the room and the answers.
 *
 * @param ask how it asks (the first ask form found)
 * @param act how plainly it asks for a sexual edit, 0 to 1: words of the lexicon by weight, at
 *     least 0.3 when the ask is made on a verb of making, editing or "doing"
 * @param actWords the words that made the act
 * @param targets who it is about: kinds and words (relation 같은 반, school 미르고, sns 인스타)
 * @param target how much the targets weigh (0.4 for one kind, 0.6 for more)
 * @param picture a picture attached, or sent in reply to one
 * @param guards words of legitimate talk it contains (news, law, retouching, pets and logos)
 * @param explicit the act rests on a word of weight 1 (딥페이크, 벗겨, nude)
 */
public record RequestReading(
    Ask ask,
    double act,
    List<String> actWords,
    List<String> targets,
    double target,
    boolean picture,
    List<String> guards,
    boolean explicit) {
  public RequestReading {
    actWords = List.copyOf(actWords);
    targets = List.copyOf(targets);
    guards = List.copyOf(guards);
  }
}
