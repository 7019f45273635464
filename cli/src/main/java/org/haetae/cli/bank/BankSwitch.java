package org.haetae.cli.bank;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.matching.store.NoSuchBankException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Turns matching against a bank on or off; {@code enable} and {@code disable} differ only so. */
abstract class BankSwitch implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(paramLabel = "NAME", description = "Bank name.")
  String bank;

  abstract boolean enable();

  @Override
  public Integer call() throws IOException {
    String name = Banks.name(bank);
    try {
      Banks.store(dataDir).setEnabled(name, enable());
    } catch (NoSuchBankException e) {
      throw new UserInputException(e.getMessage());
    }
    spec.commandLine().getOut().println((enable() ? "enabled" : "disabled") + " bank " + name);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
