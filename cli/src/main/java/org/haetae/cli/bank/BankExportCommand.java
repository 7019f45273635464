package org.haetae.cli.bank;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.format.BankExporter;
import org.haetae.matching.store.NoSuchBankException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write bank NAME in a bank file format (to stdout, or --output FILE).",
      "The plain pdq format has no room for entries without a PDQ; their number is printed on"
          + " stderr."
    })
public final class BankExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(index = "0", paramLabel = "NAME", description = "Bank name.")
  String bank;

  @Option(
      names = "--format",
      paramLabel = "F",
      required = true,
      description = "pdq, te-csv, hma-csv or vics.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here, not stdout.")
  Path output;

  @Override
  public Integer call() throws IOException {
    String name = Banks.name(bank);
    BankFormat fmt = Banks.format(format, false);
    BankExporter exporter = new BankExporter(Banks.store(dataDir));
    PrintWriter err = spec.commandLine().getErr();
    BankExporter.Result r;
    try {
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        r = exporter.export(name, fmt, out);
        out.flush();
      } else {
        // Written aside and renamed, so a failed export never leaves half a file under the name.
        Path dir = output.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".export-", ".tmp");
        try {
          try (Writer w = Files.newBufferedWriter(temp)) {
            r = exporter.export(name, fmt, w);
          }
          Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    } catch (NoSuchBankException e) {
      throw new UserInputException(e.getMessage());
    }
    if (r.skipped() > 0) {
      err.println(
          "note: "
              + r.skipped()
              + " entries have no PDQ and cannot be written as "
              + fmt.id()
              + "; use te-csv, hma-csv or vics to keep them");
    }
    err.println("exported " + r.written() + " entries of bank " + name);
    err.flush();
    return ExitCodes.OK;
  }
}
