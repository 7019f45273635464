package org.haetae.cli.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.haetae.cli.ExitCodes;
import org.haetae.cli.UserInputException;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.bank.FaceBanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List face banks and their people: id, label, templates, model, consent basis. Never"
            + " prints a descriptor.")
public final class FaceListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin FaceBankOption bank;

  @Option(names = "--all", description = "Every face bank, not only --bank.")
  boolean all;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    FaceBanks banks = bank.banks(false);
    List<String> names = all ? banks.names() : List.of(bank.name());
    if (all && names.isEmpty()) {
      spec.commandLine().getErr().println("no face banks (see 'haetae face enrol')");
      return ExitCodes.OK;
    }
    for (String n : names) {
      FaceBank b =
          banks
              .find(n)
              .orElseThrow(
                  () -> new UserInputException("no face bank named '" + n + "' (see --all)"));
      out.printf("face bank %s: %d people, %d templates%n", n, b.people().size(), b.templates());
      out.printf(
          "  %-20s %-20s %9s %-32s %-24s %s%n",
          "ID", "LABEL", "TEMPLATES", "MODEL", "CONSENT", "RECORDED BY / AT");
      for (EnrolledPerson p : b.people()) {
        String model =
            p.faces().stream()
                .map(f -> f.descriptor().modelId())
                .distinct()
                .reduce((x, y) -> x + "," + y)
                .orElse("-");
        out.printf(
            "  %-20s %-20s %9d %-32s %-24s %s / %s%n",
            p.id(),
            p.label(),
            p.faces().size(),
            model,
            p.consent().basis(),
            p.consent().recordedBy(),
            p.consent().at());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
