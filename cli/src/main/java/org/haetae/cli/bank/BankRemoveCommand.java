package org.haetae.cli.bank;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Delete bank NAME and all its entries.")
public final class BankRemoveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Parameters(paramLabel = "NAME", description = "Bank name.")
  String bank;

  @Override
  public Integer call() throws IOException {
    String name = Banks.name(bank);
    if (!Banks.store(dataDir).remove(name)) {
      throw new UserInputException("no bank named '" + name + "' (see 'haetae bank list')");
    }
    spec.commandLine().getOut().println("removed bank " + name);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
