package org.haetae.cli.bank;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.matching.format.BankImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Add a bank file's entries to bank NAME (created if new).",
      "All good lines are added in one atomic step; rejected lines are printed on stderr as"
          + " FILE:LINE: reason and the command then exits 2. Entries the bank already holds"
          + " (same hashes) are counted as duplicates, not added again."
    })
public final class BankImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(index = "0", paramLabel = "NAME", description = "Bank name.")
  String bank;

  @Parameters(index = "1", paramLabel = "FILE", description = "Bank file to import.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "auto",
      description = "auto (default), pdq, te-csv, hma-csv or vics.")
  String format;

  @Override
  public Integer call() throws IOException {
    String name = Banks.name(bank);
    var fmt = Banks.format(format, true);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(file + ": no such file");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BankImporter.Result r =
        new BankImporter(Banks.store(dataDir), Clock.systemUTC())
            .importFile(
                name, file, fmt, (line, reason) -> err.println(file + ":" + line + ": " + reason));
    err.flush();
    out.println(
        "bank "
            + name
            + ": imported "
            + r.added()
            + ", duplicates "
            + r.duplicates()
            + ", rejected "
            + r.rejected()
            + (r.blank() > 0 ? ", blank lines " + r.blank() : "")
            + " (format "
            + r.format().id()
            + ")");
    out.flush();
    return r.rejected() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
