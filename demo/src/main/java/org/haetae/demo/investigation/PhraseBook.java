package org.haetae.demo.investigation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrase lists read from a resource file: {@code [section]} lines start a list, every other line is
 * one phrase; blank lines and {@code #} comments are skipped; a phrase in double quotes is taken
 * literally, so {@code ""} is the empty phrase and {@code " ㅋㅋ"} keeps its leading space.
 */
final class PhraseBook {
  private final String resource;
  private final Map<String, List<String>> sections;

  private PhraseBook(String resource, Map<String, List<String>> sections) {
    this.resource = resource;
    this.sections = sections;
  }

  /** Reads a resource next to this class; a missing or malformed file is a build defect. */
  static PhraseBook load(String resource) {
    InputStream in = PhraseBook.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("phrase file missing from the class path: " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return new PhraseBook(resource, parse(resource, r.lines().toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  static Map<String, List<String>> parse(String name, List<String> lines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String section = line.substring(1, line.length() - 1);
        current = new ArrayList<>();
        if (sections.put(section, current) != null) {
          throw new IllegalStateException(
              name + ":" + (i + 1) + ": section [" + section + "] twice");
        }
      } else if (current == null) {
        throw new IllegalStateException(name + ":" + (i + 1) + ": phrase before any [section]");
      } else {
        boolean quoted = line.length() >= 2 && line.startsWith("\"") && line.endsWith("\"");
        current.add(quoted ? line.substring(1, line.length() - 1) : line);
      }
    }
    sections.replaceAll((k, v) -> List.copyOf(v));
    return sections;
  }

  /** The phrases of a section, in file order. */
  List<String> list(String section) {
    List<String> phrases = sections.get(section);
    if (phrases == null || phrases.isEmpty()) {
      throw new IllegalStateException(resource + ": no phrases in [" + section + "]");
    }
    return phrases;
  }

  /** A section that holds exactly one phrase. */
  String one(String section) {
    List<String> phrases = list(section);
    if (phrases.size() != 1) {
      throw new IllegalStateException(resource + ": [" + section + "] must hold one phrase");
    }
    return phrases.get(0);
  }
}
