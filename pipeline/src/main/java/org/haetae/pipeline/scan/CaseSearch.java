package org.haetae.pipeline.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.haetae.analysis.text.Highlight;
import org.haetae.pipeline.InputException;
import org.haetae.pipeline.texts.CaseTexts;

/**
 * Full-text search of a scanned case, with hits named by the case's room keys: one search on an
 * index opened for it; see {@link CaseTexts} to keep one open.
 */
public final class CaseSearch {
  private CaseSearch() {}

  /**
   * A hit as the case names it.
   *
   * @param room the room key ({@code chat123})
   * @param fromId the sender's account id, or empty
   */
  public record Hit(String room, long messageId, String fromId, long dateUnix, String snippet) {
    public String ref() {
      return room + "#" + messageId;
    }
  }

  /**
   * Searches; a message two exports hold is returned once.
   *
   * @throws InputException when the case has no index or the query does not parse
   */
  public static List<Hit> search(Path caseDir, String query, int limit, Highlight marks)
      throws IOException {
    try (CaseTexts texts = CaseTexts.open(caseDir)) {
      return texts.search(query, 0, limit, marks).items();
    }
  }
}
