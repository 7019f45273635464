package org.haetae.cli.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.pipeline.ingest.Ingestion;
import org.haetae.pipeline.keys.Keys;
import org.haetae.telegram.read.ReaderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a Telegram Desktop JSON export into a case folder: every file of the export is stored"
          + " encrypted in the evidence vault, every image gets PDQ, MD5 and SHA-256, what was read"
          + " is kept as JSON lines under records/, and each step goes into the signed custody log.",
      "Re-running is safe: a finished case is left as it is, an interrupted one is resumed."
    },
    footer = {
      "",
      "Keys: the vault key comes from $HAETAE_VAULT_KEY (base64 of 32 bytes), else --key-file,"
          + " else DATA_DIR/keys/vault.key; the checkpoint signing key from"
          + " DATA_DIR/keys/signing.key. Missing key files are created (owner-only).",
      "Exit codes: 0 done (also when the export is cut off: the summary says so), 2 bad input,"
          + " 3 the case's custody log is damaged."
    })
public final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "EXPORT_DIR", description = "Folder holding result.json and media.")
  Path exportDir;

  @Option(
      names = "--case",
      required = true,
      paramLabel = "CASE_DIR",
      description = "Case folder to create or continue.")
  Path caseDir;

  @Mixin DataDirOption dataDir;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "Vault key file (default DATA_DIR/keys/vault.key).")
  Path keyFile;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for storing and hashing (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(exportDir)) {
      throw new UserInputException(exportDir + ": not a folder");
    }
    if (Files.exists(caseDir) && !Files.isDirectory(caseDir)) {
      throw new UserInputException(caseDir + ": exists and is not a folder");
    }
    if (Files.isDirectory(caseDir) && Files.isSameFile(caseDir, exportDir)) {
      throw new UserInputException(caseDir + ": the case folder cannot be the export folder");
    }
    Keys keys = Keys.load(dataDir.path(), keyFile, true);
    Ingestion.Options defaults = Ingestion.Options.defaults();
    Ingestion.Options options =
        new Ingestion.Options(
            threads == null ? defaults.threads() : threads,
            defaults.durable(),
            defaults.checkpointEvery(),
            ReaderOptions.DEFAULT,
            org.haetae.cli.progress.Progress.terminal());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Ingestion.Result r;
    try {
      r =
          new Ingestion(exportDir, new CaseFolder(caseDir), keys.vault(), keys.signing(), options)
              .run();
    } catch (CustodyException e) {
      err.println("error: " + e.getMessage());
      err.println("the case's custody log is damaged; nothing was added (run haetae verify)");
      err.flush();
      return ExitCodes.INTEGRITY_FAILURE;
    }
    if (r.repair() != null) {
      err.println(
          "custody log: a torn last line ("
              + r.repair().droppedBytes()
              + " bytes) was removed, kept in "
              + r.repair().savedAs().getFileName()
              + ", and the repair logged");
    }
    CustodyEvent.Records rec = r.records();
    out.println(
        "export: "
            + rec.shape()
            + ", "
            + rec.messages()
            + " messages in "
            + rec.chats()
            + " chats, "
            + rec.mediaRefs()
            + " media references");
    if (!rec.complete()) {
      out.println("export truncated: " + rec.error() + "; everything before it was read");
    }
    if (rec.findings() instanceof Map<?, ?> f && !f.isEmpty()) {
      out.println("findings: " + f.toString().replaceAll("[{}]", "").replace("=", " "));
    }
    out.println(
        "files: "
            + r.storedNow()
            + " stored now, "
            + r.storedBefore()
            + " stored before, "
            + r.newBlobs()
            + " new blobs, "
            + r.notStored()
            + " not stored (links, devices)");
    out.println(
        "images: " + r.imagesHashed() + " hashed, " + r.hashFailures() + " could not be hashed");
    out.println("custody: " + r.entries() + " entries, head " + r.head());
    out.println("case: " + caseDir + (r.resumed() ? " (continued)" : " (new)"));
    out.flush();
    return ExitCodes.OK;
  }
}
