package org.haetae.cli.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.haetae.analysis.text.Highlight;
import org.haetae.analysis.text.TextHit;
import org.haetae.analysis.text.TextIndex;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.progress.Progress;
import org.haetae.pipeline.scan.Scan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches every message of a scanned case, Korean (morphological analysis: 합성해 finds"
          + " 합성) and English (stemming). Words must all appear unless joined with OR;"
          + " \"quoted phrases\", NOT, wildcards* and field-free Lucene syntax work.",
      "Prints ROOM#MESSAGE, date, sender and the passage with the matched words marked."
    })
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASE_DIR", description = "A case made by haetae scan.")
  Path caseDir;

  @Parameters(index = "1..*", paramLabel = "QUERY", arity = "1..*", description = "Words to find.")
  List<String> query;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Most hits shown (default ${DEFAULT-VALUE}).")
  int limit = 20;

  @Override
  public Integer call() throws IOException {
    Path index = caseDir.resolve(Scan.TEXT_INDEX);
    if (!Files.isDirectory(index)) {
      throw new UserInputException(caseDir + ": no text index here (run haetae scan first)");
    }
    if (limit < 1) {
      throw new UserInputException("--limit must be at least 1");
    }
    Map<String, String> rooms = rooms(caseDir.resolve(Scan.ROOMS));
    Highlight marks = Progress.isTerminal() ? Highlight.TERMINAL : Highlight.PLAIN;
    List<TextHit> hits;
    try (TextIndex t = TextIndex.at(index)) {
      // Two exports may hold the same message; ask for more and show each once.
      hits = t.search(String.join(" ", query), limit * 2, marks);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Set<String> shown = new HashSet<>();
    for (TextHit h : hits) {
      String room = rooms.getOrDefault(h.chatId(), h.chatId());
      String ref = room + "#" + h.messageId();
      if (shown.size() == limit || !shown.add(ref)) {
        continue;
      }
      out.printf(
          "%s  %s  %s  %s%n",
          ref,
          Instant.ofEpochSecond(h.dateUnix()),
          h.fromId().isEmpty() ? "-" : h.fromId(),
          h.snippet().replaceAll("\\s+", " ").strip());
    }
    if (shown.isEmpty()) {
      spec.commandLine().getErr().println("no messages found");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static Map<String, String> rooms(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        out.put(k, p.getText());
      }
    }
    return out;
  }
}
