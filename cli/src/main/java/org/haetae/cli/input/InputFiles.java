package org.haetae.cli.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line arguments into files: a file stands for itself, a folder for every regular
 * file below it in a stable (sorted) order. Arguments that are neither are returned as missing so
 * the command can report them rather than drop them.
 */
public record InputFiles(List<Path> files, List<String> problems) {

  public static InputFiles expand(List<Path> args) {
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        try (Stream<Path> walk = Files.walk(arg)) {
          walk.filter(Files::isRegularFile)
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          problems.add(arg + ": cannot list folder (" + e.getMessage() + ")");
        }
      } else if (Files.exists(arg)) {
        files.add(arg);
      } else {
        problems.add(arg + ": no such file or folder");
      }
    }
    return new InputFiles(List.copyOf(files), List.copyOf(problems));
  }
}
