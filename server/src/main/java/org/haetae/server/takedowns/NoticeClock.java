package org.haetae.server.takedowns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.haetae.notices.Deadlines;
import org.haetae.notices.IncompleteNoticeException;
import org.haetae.notices.NoticeKind;
import org.haetae.notices.NoticeRequest;
import org.haetae.notices.NoticeWriter;
import org.haetae.notices.sor.InvalidStatementException;
import org.haetae.notices.sor.SorJson;
import org.haetae.pipeline.InputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's use of the {@code notices} module: each notice's clock (the 48 hours of TAKE IT
 * DOWN are the statute's; the DSA and Korean windows are this centre's policy, configurable), the
 * documents, and the check of a platform's statement of reasons.
 */
@Component
public class NoticeClock {
  private final Deadlines deadlines;

  public NoticeClock(
      @Value("${haetae.notices.dsa-target-hours:72}") long dsaHours,
      @Value("${haetae.notices.kr-follow-up-hours:24}") long krHours) {
    this.deadlines =
        Deadlines.defaults()
            .withDsaTarget(Duration.ofHours(dsaHours))
            .withKrFollowUp(Duration.ofHours(krHours));
  }

  Duration window(NoticeKind kind) {
    return deadlines.window(kind);
  }

  static boolean statutory(NoticeKind kind) {
    return Deadlines.statutory(kind);
  }

  static String text(NoticeRequest r) {
    try {
      return NoticeWriter.text(r);
    } catch (IncompleteNoticeException e) {
      throw new InputException(e.getMessage());
    }
  }

  static void pdf(NoticeRequest r, OutputStream out) {
    try {
      NoticeWriter.pdf(r, out);
    } catch (IncompleteNoticeException e) {
      throw new InputException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses a statement that does not follow the Transparency Database schema, naming why. */
  static void checkStatement(String json) {
    try {
      SorJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (InvalidStatementException e) {
      throw new InputException("statement of reasons: " + String.join("; ", e.problems()));
    } catch (IOException e) {
      throw new InputException("statement of reasons: not JSON (" + e.getMessage() + ")");
    }
  }
}
