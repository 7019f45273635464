package org.haetae.cli.bank;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.matching.bank.BankInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the banks: name, enabled, entries, imports, created.")
public final class BankListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<BankInfo> banks = Banks.store(dataDir).list();
    if (banks.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "no banks under " + Banks.folder(dataDir.path()) + " (see 'haetae bank import')");
      return ExitCodes.OK;
    }
    out.printf("%-24s %-8s %10s %7s %s%n", "NAME", "ENABLED", "ENTRIES", "IMPORTS", "CREATED");
    for (BankInfo b : banks) {
      out.printf(
          "%-24s %-8s %10d %7d %s%n",
          b.name(), b.enabled() ? "yes" : "no", b.entries(), b.imports(), b.created());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
