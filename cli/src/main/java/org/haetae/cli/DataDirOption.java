package org.haetae.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by commands that keep state (banks, keys). */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where Haetae keeps banks and keys (default: $HAETAE_DATA_DIR, else ./haetae-data).")
  private Path dataDir;

  public Path path() {
    if (dataDir != null) {
      return dataDir;
    }
    String env = System.getenv("HAETAE_DATA_DIR");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("haetae-data");
  }
}
