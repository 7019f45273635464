package org.haetae.cli;

import org.haetae.cli.bank.BankCommand;
import org.haetae.cli.bench.BenchCommand;
import org.haetae.cli.demo.DemoCommand;
import org.haetae.cli.demo.DemoDataCommand;
import org.haetae.cli.face.FaceCommand;
import org.haetae.cli.hash.HashCommand;
import org.haetae.cli.ingest.IngestCommand;
import org.haetae.cli.match.MatchCommand;
import org.haetae.cli.scan.ScanCommand;
import org.haetae.cli.scan.SearchCommand;
import org.haetae.cli.serve.ServeCommand;
import org.haetae.cli.serve.UserCommand;
import org.haetae.cli.verify.VerifyCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "haetae",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Haetae: hashing, matching and evidence tools against deepfake sexual abuse.",
    subcommands = {
      HashCommand.class,
      BankCommand.class,
      FaceCommand.class,
      MatchCommand.class,
      IngestCommand.class,
      ScanCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      UserCommand.class,
      VerifyCommand.class,
      DemoCommand.class,
      DemoDataCommand.class,
      BenchCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 internal failure, 2 bad usage or bad input, 3 integrity failure."
    })
public final class HaetaeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command (see --help)");
  }
}
