package org.haetae.cli.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.cli.progress.Progress;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.casefolder.CaseVerifier;
import org.haetae.evidence.casefolder.VerifyReport;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.InclusionProof;
import org.haetae.pipeline.keys.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a case folder: every custody log entry (hash, chain, signed checkpoints, Merkle"
          + " roots), every blob in the vault against its logged digests and its address, that the"
          + " vault holds nothing the log does not name, and the record files.",
      "With --prove SEQ, prints instead a proof that entry SEQ is in the signed log, for a third"
          + " party; --check-proof FILE checks such a proof (no case folder or key needed)."
    },
    footer = {
      "",
      "Without the vault key ($HAETAE_VAULT_KEY, --key-file or DATA_DIR/keys/vault.key) the"
          + " encrypted files are checked against the log but not decrypted.",
      "Exit codes: 0 intact, 3 damaged (the first broken entry or blob is named), 2 bad input."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CASE_DIR", arity = "0..1", description = "The case folder.")
  Path caseDir;

  @Mixin DataDirOption dataDir;

  @Option(names = "--key-file", paramLabel = "FILE", description = "Vault key file.")
  Path keyFile;

  @Option(
      names = "--prove",
      paramLabel = "SEQ",
      description = "Print an inclusion proof (JSON) for custody entry SEQ.")
  Long prove;

  @Option(
      names = "--check-proof",
      paramLabel = "FILE",
      description = "Check an inclusion proof written by --prove.")
  Path proofFile;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (proofFile != null) {
      return checkProof(out);
    }
    if (caseDir == null) {
      throw new UserInputException("name the CASE_DIR to verify");
    }
    CaseFolder folder = new CaseFolder(caseDir);
    if (!Files.isRegularFile(folder.custodyLog())) {
      throw new UserInputException(caseDir + ": no custody.log here; is it a case folder?");
    }
    if (prove != null) {
      return prove(folder, out);
    }
    Keys keys = Keys.load(dataDir.path(), keyFile, false);
    VerifyReport r;
    try (Progress progress = Progress.start("verify", -1)) {
      r = CaseVerifier.verify(folder, keys.vault(), () -> progress.advance(1));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    if (!r.intact()) {
      out.println("BROKEN: " + r.problem());
      out.flush();
      return ExitCodes.INTEGRITY_FAILURE;
    }
    out.println(
        "intact: "
            + r.entries()
            + " custody entries, "
            + r.blobs()
            + " blobs"
            + (keys.vault() == null ? " (encrypted files only)" : "")
            + ", head "
            + r.head());
    out.flush();
    return ExitCodes.OK;
  }

  private int prove(CaseFolder folder, PrintWriter out) throws IOException {
    try {
      out.println(InclusionProof.build(folder.custodyLog(), prove).toJson());
      out.flush();
      return ExitCodes.OK;
    } catch (CustodyException e) {
      out.println("BROKEN: " + e.getMessage());
      out.flush();
      return ExitCodes.INTEGRITY_FAILURE;
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private int checkProof(PrintWriter out) throws IOException {
    InclusionProof p;
    try {
      p = InclusionProof.fromJson(Files.readString(proofFile));
    } catch (IOException | RuntimeException e) {
      throw new UserInputException(proofFile + ": not an inclusion proof (" + e.getMessage() + ")");
    }
    String problem = p.check();
    if (problem != null) {
      out.println("BROKEN: " + problem);
      out.flush();
      return ExitCodes.INTEGRITY_FAILURE;
    }
    out.println(
        "proof holds: entry "
            + p.index()
            + " is in the log of "
            + p.treeSize()
            + " entries signed by public key "
            + p.publicKey());
    out.flush();
    return ExitCodes.OK;
  }
}
