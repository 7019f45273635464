package org.haetae.cli.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.keys.VaultKey;

/** Writes the report files; returns what it wrote. */
final class ReportStage {
  private ReportStage() {}

  static List<Path> write(CaseAnalysis analysis, CaseFolder folder, VaultKey thumbnailsKey)
      throws IOException {
    return List.of();
  }
}
