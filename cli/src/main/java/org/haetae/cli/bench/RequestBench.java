package org.haetae.cli.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "requests",
    mixinStandardHelpOptions = true,
    description = {
      "Requester recognition against the hand-written evaluation set (Korean and English requests"
          + " in many wordings and politeness levels, and look-alikes: news, law, retouching,"
          + " pets, logos, group photos, everyday favours, makers' offers): precision and recall"
          + " per family, over all labelled messages, and of the requester role per account.",
      "The set is run through the real analysis as one case, pictures and bank matches included."
    })
public final class RequestBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--set",
      paramLabel = "FILE",
      description = "Another evaluation set in the same format (default: the built-in one).")
  Path set;

  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description = "Lexicon to measure (default: the built-in one).")
  Path lexicon;

  @Option(names = "--errors", description = "Also list every message judged wrongly.")
  boolean errors;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Figures fig = new Figures(out);
    RequestEvaluation eval;
    if (set == null) {
      eval = RequestEvaluation.builtIn();
    } else if (!Files.isRegularFile(set)) {
      throw new UserInputException(set + ": no such evaluation set");
    } else {
      try (var r = Files.newBufferedReader(set, StandardCharsets.UTF_8)) {
        eval = RequestEvaluation.parse(r, set.toString());
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
    }
    Lexicon lex;
    try {
      lex = lexicon == null ? Lexicon.builtIn() : Lexicon.load(lexicon);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserInputException(lexicon + ": no such lexicon file");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    long t0 = System.nanoTime();
    RequestEvaluation.Result r = eval.run(lex);
    fig.print("requests.set.messages", eval.messages(), "messages");
    fig.print("requests.set.labelled", eval.labelled(), "messages");
    for (Map.Entry<String, RequestEvaluation.Score> e : r.families().entrySet()) {
      print(fig, "requests.family." + e.getKey(), e.getValue(), "messages");
    }
    print(fig, "requests.messages", r.messages(), "messages");
    print(fig, "requests.accounts", r.accounts(), "accounts");
    fig.print("requests.seconds", Heap.secondsSince(t0), "s");
    if (errors) {
      r.errors().forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private static void print(Figures fig, String name, RequestEvaluation.Score s, String unit) {
    fig.print(name + ".requests", s.requests(), unit);
    fig.print(name + ".look_alikes", s.lookAlikes(), unit);
    fig.print(name + ".precision", s.precision(), "ratio");
    fig.print(name + ".recall", s.recall(), "ratio");
    fig.print(name + ".false_positives", s.falsePositives(), unit);
  }
}
