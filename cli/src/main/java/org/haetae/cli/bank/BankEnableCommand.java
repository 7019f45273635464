package org.haetae.cli.bank;

import picocli.CommandLine.Command;

@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    description = "Match against bank NAME again.")
public final class BankEnableCommand extends BankSwitch {
  @Override
  boolean enable() {
    return true;
  }
}
