package org.haetae.pipeline.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.report.CaseReport;

/** Writes the report files and the evidence manifest into the case folder. */
final class ReportStage {
  private ReportStage() {}

  /**
   * @param thumbnailsKey the vault key when report.html may show (blurred) thumbnails, else null
   */
  static List<Path> write(
      CaseAnalysis analysis, CaseFolder folder, VaultKey thumbnailsKey, ProgressSink progress)
      throws IOException, CustodyException {
    CaseReport.Options d = CaseReport.Options.DEFAULT;
    CaseReport.Written w =
        CaseReport.write(
            analysis,
            folder,
            thumbnailsKey,
            folder.dir(),
            new CaseReport.Options(thumbnailsKey != null, d.maxThumbnails(), d.maxTableRows()));
    for (String warning : w.warnings()) {
      progress.warn(warning);
    }
    return w.paths();
  }
}
