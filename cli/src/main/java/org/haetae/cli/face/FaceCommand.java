package org.haetae.cli.face;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Face banks: the people whose faces a scan looks for. */
@Command(
    name = "face",
    mixinStandardHelpOptions = true,
    description =
        "Face banks: enrol a person from her photos (descriptors only, encrypted, consent"
            + " recorded), list, remove.",
    subcommands = {FaceEnrolCommand.class, FaceListCommand.class, FaceRemoveCommand.class})
public final class FaceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a face command (see --help)");
  }
}
