package org.haetae.notices;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal notes in the project's shared reference folder ({@code legal/NOTICES.md}), read in
 * place: {@code HAETAE_REFERENCE_DIR} (environment) or the {@code haetae.reference.dir} system
 * property the build sets to {@code ../shared/reference}. A test that needs them is skipped when
 * they are absent, and fails when {@code CI=true}.
 */
public final class ReferenceNotes {
  private ReferenceNotes() {}

  public static Path root() {
    String env = System.getenv("HAETAE_REFERENCE_DIR");
    String prop = System.getProperty("haetae.reference.dir");
    String dir = env != null && !env.isBlank() ? env : prop;
    return dir == null ? Path.of("../shared/reference") : Path.of(dir);
  }

  /** The text of NOTICES.md, or the calling test is skipped (failed on CI). */
  public static String notices() {
    Path p = root().resolve("legal").resolve("NOTICES.md");
    if (!Files.isRegularFile(p)) {
      String message =
          "legal notes not found at "
              + p.toAbsolutePath().normalize()
              + ": these tests check the notices against the required elements listed in the"
              + " project's shared/reference/legal/NOTICES.md; set HAETAE_REFERENCE_DIR to run them";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + p, e);
    }
  }

  /**
   * The part of {@code md} from the heading that starts with {@code heading} (without the hashes)
   * to the next heading of the same or a higher level.
   */
  public static String section(String md, String heading) {
    String[] lines = md.split("\n", -1);
    int level = -1;
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      int hashes = hashes(line);
      if (level < 0) {
        if (hashes > 0 && line.substring(hashes).strip().startsWith(heading)) {
          level = hashes;
        }
        continue;
      }
      if (hashes > 0 && hashes <= level) {
        break;
      }
      out.append(line).append('\n');
    }
    if (level < 0) {
      throw new AssertionError("NOTICES.md has no heading starting with \"" + heading + "\"");
    }
    return out.toString();
  }

  private static int hashes(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == '#') {
      n++;
    }
    return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
  }

  /**
   * The items of the list that follows the line containing {@code marker}: numbered ({@code 1.}) or
   * bulleted ({@code -}) items, each with its indented continuation lines joined.
   */
  public static List<String> listAfter(String text, String marker) {
    String[] lines = text.split("\n", -1);
    List<String> items = new ArrayList<>();
    boolean started = false;
    for (String line : lines) {
      if (!started) {
        started = line.contains(marker);
        continue;
      }
      if (line.matches("\\d+\\. .*") || line.startsWith("- ")) {
        items.add(line.substring(line.indexOf(' ') + 1).strip());
      } else if (!items.isEmpty() && line.startsWith("  ") && !line.isBlank()) {
        items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
      } else if (!items.isEmpty()) {
        break;
      }
    }
    return items;
  }

  /** Every bullet ({@code -}) of {@code text}, continuation lines joined. */
  public static List<String> bullets(String text) {
    List<String> items = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("- ")) {
        items.add(line.substring(2).strip());
      } else if (!items.isEmpty() && line.startsWith("  ") && !line.isBlank()) {
        items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
      }
    }
    return items;
  }
}
