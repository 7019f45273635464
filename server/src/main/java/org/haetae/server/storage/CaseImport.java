package org.haetae.server.storage;

import java.util.UUID;
import org.haetae.analysis.result.CaseAnalysis;

/**
 * Writes a scan's whole analysis as one case. It goes in as one transaction, so a reader sees the
 * old version of a case or the new one, never half; reviewers' decisions on roles survive a new
 * import of the same case.
 */
public interface CaseImport {
  /**
   * Stores (or replaces) the case the analysis describes.
   *
   * @param folder the case folder it was scanned into
   * @return the case's id
   */
  UUID put(CaseAnalysis analysis, String title, String folder);
}
