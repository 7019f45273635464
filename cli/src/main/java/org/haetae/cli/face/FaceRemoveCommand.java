package org.haetae.cli.face;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.bank.FaceBanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description =
        "Remove person NAME and every template of hers from the bank (withdrawn consent), or the"
            + " whole bank with --whole-bank.")
public final class FaceRemoveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceBankOption bank;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Person id.")
  String name;

  @Option(names = "--whole-bank", description = "Delete the bank and everyone in it.")
  boolean wholeBank;

  @Override
  public Integer call() throws IOException {
    FaceBanks banks = bank.banks(false);
    String b = bank.name();
    if (wholeBank) {
      if (name != null) {
        throw new UserInputException("give a person NAME or --whole-bank, not both");
      }
      if (!banks.delete(b)) {
        throw new UserInputException("no face bank named '" + b + "'");
      }
      spec.commandLine().getOut().println("removed face bank " + b);
    } else {
      if (name == null) {
        throw new UserInputException("name the person to remove (or --whole-bank)");
      }
      FaceBank current =
          banks.find(b).orElseThrow(() -> new UserInputException("no face bank named '" + b + "'"));
      if (current.person(name).isEmpty()) {
        throw new UserInputException("no person '" + name + "' in face bank " + b);
      }
      banks.save(current.without(name));
      spec.commandLine()
          .getOut()
          .println("removed " + name + " and her templates from face bank " + b);
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
