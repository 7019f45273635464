package org.haetae.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a benchmark writes its generated material, and whether it is kept afterwards. */
public final class WorkFolder {
  @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a temp one).")
  Path dir;

  @Option(names = "--keep", description = "Keep what the benchmark generated.")
  boolean keep;

  Path create() throws IOException {
    return dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("haetae-bench");
  }

  /** Deletes {@code work} unless asked to keep it. */
  void finish(Path work, PrintWriter err) throws IOException {
    if (keep) {
      err.println("kept " + work);
    } else {
      Heap.delete(work);
    }
  }
}
