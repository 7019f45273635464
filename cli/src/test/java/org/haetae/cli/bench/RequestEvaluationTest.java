package org.haetae.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.haetae.analysis.flags.Lexicon;
import org.junit.jupiter.api.Test;

/**
 * The requester rule against the hand-written evaluation set: the goal is precision and
 * recall of at least 0.9 over its labelled messages; every look-alike family stays clean.
 */
class RequestEvaluationTest {
  @Test
  void requesterPrecisionAndRecallOnTheEvaluationSet() throws Exception {
    RequestEvaluation eval = RequestEvaluation.builtIn();
    assertThat(eval.labelled()).isGreaterThanOrEqualTo(300);
    RequestEvaluation.Result r = eval.run(Lexicon.builtIn());
    r.errors().forEach(System.out::println);
    assertThat(r.messages().precision()).as("message precision").isGreaterThanOrEqualTo(0.9);
    assertThat(r.messages().recall()).as("message recall").isGreaterThanOrEqualTo(0.9);
    assertThat(r.accounts().precision()).as("account precision").isGreaterThanOrEqualTo(0.9);
    assertThat(r.accounts().recall()).as("account recall").isGreaterThanOrEqualTo(0.9);
    for (String lookAlikes : new String[] {"law", "objects", "retouch", "everyday", "offers"}) {
      assertThat(r.families().get(lookAlikes).falsePositives()).as(lookAlikes).isZero();
    }
  }

  @Test
  void aBadLineIsNamed() {
    assertThatThrownBy(
            () -> RequestEvaluation.parse(new StringReader("== r\n1 a pic - REQ:x\n"), "set.txt"))
        .hasMessage("set.txt:2: no '|' before the text");
    assertThatThrownBy(
            () -> RequestEvaluation.parse(new StringReader("== r\n1 a gif - - | hi\n"), "set.txt"))
        .hasMessage("set.txt:2: media is -, pic, matched or same:N");
  }
}
