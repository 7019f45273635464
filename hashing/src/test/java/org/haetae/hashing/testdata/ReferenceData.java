package org.haetae.hashing.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the public reference data lives: {@code HAETAE_REFERENCE_DIR} (environment) or the {@code
 * haetae.reference.dir} system property the build sets to {@code ../shared/reference}. Tests that
 * need it are skipped, with a message saying where it comes from, when it is absent.
 */
public final class ReferenceData {
  private ReferenceData() {}

  public static Path root() {
    String env = System.getenv("HAETAE_REFERENCE_DIR");
    String prop = System.getProperty("haetae.reference.dir");
    String dir = env != null && !env.isBlank() ? env : prop;
    return dir == null ? Path.of("../shared/reference") : Path.of(dir);
  }

  /** The folder {@code sub} of the reference data, or the calling test is skipped. */
  public static Path require(String sub) {
    Path p = root().resolve(sub);
    assumeTrue(
        Files.exists(p),
        () ->
            "reference data not found at "
                + p.toAbsolutePath().normalize()
                + ": these tests read the PDQ test vectors of facebook/ThreatExchange (pdq/data) and"
                + " the Telegram export notes kept in the project's shared/reference folder; set"
                + " HAETAE_REFERENCE_DIR to run them");
    return p;
  }
}
