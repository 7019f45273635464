package org.haetae.cli.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.custody.LogScan;

/** Reads a case folder back for assertions. */
final class CaseInspection {
  final List<Entry> entries = new ArrayList<>();

  CaseInspection(Path caseDir) throws IOException, CustodyException {
    LogScan.scan(caseDir.resolve("custody.log"), entries::add);
  }

  List<Entry> ofType(String type) {
    return entries.stream().filter(e -> e.type().equals(type)).toList();
  }

  /** How many times each value of a field occurs among entries of a type. */
  Map<String, Long> counts(String type, String field) {
    return ofType(type).stream()
        .collect(Collectors.groupingBy(e -> e.string(field), Collectors.counting()));
  }

  /** The records folder of the case's only export. */
  static Path records(Path caseDir) throws IOException {
    try (Stream<Path> s = Files.list(caseDir.resolve("records"))) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      if (dirs.size() != 1) {
        throw new AssertionError("expected one export's records, found " + dirs);
      }
      return dirs.get(0);
    }
  }

  static long lines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file)) {
      return s.filter(l -> !l.isBlank()).count();
    }
  }

  /** Relative paths of the regular files under an export folder. */
  static List<String> regularFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  static <T> Map<T, Long> histogram(List<T> xs) {
    return xs.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
