package org.haetae.cli.bank;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Hash banks kept under the data directory: import, export, list, enable, disable, remove. */
@Command(
    name = "bank",
    mixinStandardHelpOptions = true,
    description = "Hash banks (PDQ, MD5, SHA-256 lists) kept under the data directory.",
    subcommands = {
      BankImportCommand.class,
      BankExportCommand.class,
      BankListCommand.class,
      BankEnableCommand.class,
      BankDisableCommand.class,
      BankRemoveCommand.class
    })
public final class BankCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a bank command (see --help)");
  }
}
