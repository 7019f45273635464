package org.haetae.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.keys.VaultKey;
import org.haetae.pipeline.ingest.Ingestion;
import org.haetae.pipeline.progress.ProgressSink;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.read.ExportReader;
import org.haetae.telegram.read.ExportSink;
import org.haetae.telegram.read.ReadSummary;
import org.haetae.telegram.read.ReaderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Telegram ingest speed on a generated account export (default 1,000,000 messages and"
          + " 20,000 pictures): the reader alone (messages parsed per second), then the whole"
          + " ingest into a fresh case (records, vault, custody log, hashing), with peak heap.",
      "For the constant-memory check run the JVM with a small heap (java -Xmx256m -jar"
          + " cli/target/haetae.jar bench ingest --messages 2900000 --chats 4 --images 0"
          + " --parse-only: about 2 GB of result.json)."
    })
public final class IngestBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--messages", defaultValue = "1000000", description = "Default ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--images", defaultValue = "20000", description = "Default ${DEFAULT-VALUE}.")
  int images;

  @Option(names = "--chats", defaultValue = "10", description = "Default ${DEFAULT-VALUE}.")
  int chats;

  @picocli.CommandLine.Mixin WorkFolder folder;

  @Option(names = "--parse-only", description = "Only measure the reader.")
  boolean parseOnly;

  @Override
  public Integer call() throws Exception {
    Figures fig = new Figures(spec.commandLine().getOut());
    Path work = folder.create();
    try {
      Path export = work.resolve("export");
      long t0 = System.nanoTime();
      SyntheticExport.Manifest m =
          SyntheticExport.write(
              export,
              new SyntheticExport.Options(
                  1, SyntheticExport.Shape.ACCOUNT, chats, messages / chats, images, false));
      fig.print("ingest.generate.seconds", secs(t0), "s");
      fig.print("ingest.result_json.size", m.resultJsonBytes() / 1e6, "MB");
      fig.print("heap.max", Runtime.getRuntime().maxMemory() / 1e6, "MB");

      resetPeaks();
      long[] count = {0};
      t0 = System.nanoTime();
      ReadSummary s =
          new ExportReader(export, ReaderOptions.DEFAULT)
              .read(
                  new ExportSink() {
                    @Override
                    public void message(Message message) {
                      count[0]++;
                    }

                    @Override
                    public void chat(Chat chat) {}

                    @Override
                    public void finding(Finding finding) {}
                  });
      double parse = secs(t0);
      if (!s.complete() || count[0] != m.messages()) {
        throw new IllegalStateException("reader did not read the whole generated export");
      }
      fig.print("telegram.parse.messages_per_s", count[0] / parse, "msg/s");
      fig.print("telegram.parse.throughput", m.resultJsonBytes() / 1e6 / parse, "MB/s");
      fig.print("telegram.parse.peak_heap", peakHeap() / 1e6, "MB");
      if (parseOnly) {
        return 0;
      }

      resetPeaks();
      Path keys = work.resolve("keys");
      Ingestion.Options d = Ingestion.Options.defaults();
      t0 = System.nanoTime();
      Ingestion.Result r =
          new Ingestion(
                  export,
                  new CaseFolder(work.resolve("case")),
                  VaultKey.load(null, keys.resolve("vault.key")),
                  SigningKey.load(keys.resolve("signing.key")),
                  new Ingestion.Options(
                      d.threads(),
                      d.durable(),
                      d.checkpointEvery(),
                      d.reader(),
                      ProgressSink.SILENT))
              .run();
      double ingest = secs(t0);
      fig.print("ingest.seconds", ingest, "s");
      fig.print("ingest.messages_per_s", m.messages() / ingest, "msg/s");
      fig.print("ingest.images_per_s", r.imagesHashed() / ingest, "images/s");
      fig.print("ingest.files_per_s", r.storedNow() / ingest, "files/s");
      fig.print("ingest.custody_entries", r.entries(), "entries");
      fig.print("ingest.peak_heap", peakHeap() / 1e6, "MB");
      return 0;
    } finally {
      folder.finish(work, spec.commandLine().getErr());
    }
  }

  private static double secs(long t0) {
    return Heap.secondsSince(t0);
  }

  private static void resetPeaks() {
    Heap.resetPeaks();
  }

  private static long peakHeap() {
    return Heap.peak();
  }
}
