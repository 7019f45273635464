package org.haetae.cli.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.analysis.text.Highlight;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.progress.Progress;
import org.haetae.pipeline.scan.CaseSearch;
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
    if (limit < 1) {
      throw new UserInputException("--limit must be at least 1");
    }
    Highlight marks = Progress.isTerminal() ? Highlight.TERMINAL : Highlight.PLAIN;
    List<CaseSearch.Hit> hits = CaseSearch.search(caseDir, String.join(" ", query), limit, marks);
    PrintWriter out = spec.commandLine().getOut();
    for (CaseSearch.Hit h : hits) {
      out.printf(
          "%s  %s  %s  %s%n",
          h.ref(),
          Instant.ofEpochSecond(h.dateUnix()),
          h.fromId().isEmpty() ? "-" : h.fromId(),
          h.snippet());
    }
    if (hits.isEmpty()) {
      spec.commandLine().getErr().println("no messages found");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
