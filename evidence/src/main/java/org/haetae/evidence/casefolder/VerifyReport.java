package org.haetae.evidence.casefolder;

import java.util.List;

/**
 * Outcome of {@link CaseVerifier#verify}.
 *
 * @param problem the first thing found broken, naming the entry or blob; null when intact
 * @param entries custody entries checked
 * @param blobs vault blobs checked
 * @param head hash of the last entry (quote it to pin the log's state)
 * @param warnings things worth saying that are not damage
 */
public record VerifyReport(
    String problem, long entries, long blobs, String head, List<String> warnings) {
  public VerifyReport {
    warnings = List.copyOf(warnings);
  }

  public boolean intact() {
    return problem == null;
  }
}
