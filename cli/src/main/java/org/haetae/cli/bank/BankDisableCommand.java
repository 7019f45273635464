package org.haetae.cli.bank;

import picocli.CommandLine.Command;

@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    description = "Keep bank NAME but leave it out of matching until enabled.")
public final class BankDisableCommand extends BankSwitch {
  @Override
  boolean enable() {
    return false;
  }
}
