package org.haetae.demo.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;

/** A format Telegram Desktop exports in: opens a writer for one export folder. */
@FunctionalInterface
public interface ExportFormat {
  /** Telegram Desktop's machine-readable JSON ({@code result.json}). */
  ExportFormat JSON = JsonExportWriter::new;

  /**
   * @param dir the export folder (created if missing); media files are the generator's
   * @param zone the exporting computer's time zone, in which dates are written
   */
  ExportWriter open(Path dir, ZoneOffset zone) throws IOException;
}
