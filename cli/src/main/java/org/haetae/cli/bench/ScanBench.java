package org.haetae.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haetae.cli.demo.DemoBank;
import org.haetae.demo.investigation.Investigation;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.matching.format.BankImporter;
import org.haetae.matching.match.Matcher;
import org.haetae.matching.store.FileBankStore;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.pipeline.scan.Scan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "The main job end to end on a generated investigation (default 1,000,000 messages and"
          + " 20,000 pictures in three exports): generation, then haetae scan with the demo victim"
          + " bank — ingest, match, analyse (roles, spread, text index), report — with the time of"
          + " each stage and the peak heap.",
      "For the bounded-memory check run the JVM with a fixed heap, e.g. java -Xmx1g -jar"
          + " cli/target/haetae.jar bench scan."
    })
public final class ScanBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--messages", defaultValue = "1000000", description = "Default ${DEFAULT-VALUE}.")
  long messages;

  @Option(names = "--images", defaultValue = "20000", description = "Default ${DEFAULT-VALUE}.")
  int images;

  @picocli.CommandLine.Mixin WorkFolder folder;

  @Override
  public Integer call() throws Exception {
    Figures fig = new Figures(spec.commandLine().getOut());
    Path work = folder.create();
    try {
      Path material = work.resolve("material");
      long t0 = System.nanoTime();
      Investigation.Manifest m =
          Investigation.write(material, Investigation.Options.scaled(7, messages, images));
      fig.print("scan.generate.seconds", Heap.secondsSince(t0), "s");
      fig.print("scan.case.messages", m.messages(), "messages");
      fig.print("scan.case.exported_messages", m.exportedMessages(), "messages");
      fig.print("scan.case.image_files", m.imageFiles(), "files");
      fig.print("scan.case.accounts", m.accounts(), "accounts");
      fig.print("heap.max", Runtime.getRuntime().maxMemory() / 1e6, "MB");

      FileBankStore banks = new FileBankStore(work.resolve("data/banks"));
      BankImporter.Result imported =
          DemoBank.importFrom(material, banks, "demo-victims", (l, why) -> {});
      fig.print("scan.bank.entries", imported.added(), "entries");
      List<Path> exports = Investigation.exports(material);
      Heap.resetPeaks();
      Path keys = work.resolve("data/keys");
      t0 = System.nanoTime();
      Scan.Result r =
          new Scan(
                  new CaseFolder(work.resolve("case")),
                  VaultKey.load(null, keys.resolve("vault.key")),
                  SigningKey.load(keys.resolve("signing.key")),
                  banks,
                  new Scan.Options(
                      exports,
                      List.of("demo-victims"),
                      Matcher.Settings.DEFAULT,
                      null,
                      Runtime.getRuntime().availableProcessors(),
                      true,
                      ProgressSink.SILENT))
              .run();
      double total = Heap.secondsSince(t0);
      fig.print("scan.seconds", total, "s");
      for (Map.Entry<String, Double> e : r.seconds().entrySet()) {
        fig.print("scan.stage." + e.getKey() + ".seconds", e.getValue(), "s");
      }
      fig.print("scan.messages_per_s", m.exportedMessages() / total, "msg/s");
      fig.print("scan.peak_heap", Heap.peak() / 1e6, "MB");
      fig.print("scan.files_matched", r.filesMatched(), "files");
      fig.print("scan.accounts", r.analysis().accounts().size(), "accounts");
      fig.print("scan.matches", r.analysis().matches().size(), "matches");
      for (Path p : r.outputs()) {
        fig.print("scan.output." + p.getFileName(), Files.size(p) / 1e6, "MB");
      }
      return 0;
    } finally {
      folder.finish(work, spec.commandLine().getErr());
    }
  }
}
