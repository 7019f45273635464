package org.haetae.cli;

import java.io.PrintWriter;
import org.haetae.pipeline.InputException;
import picocli.CommandLine;

/** Entry point: runs {@link HaetaeCommand} and maps failures to the documented exit codes. */
public final class Main {
  private Main() {}

  // Held here: the logging framework keeps loggers only weakly, and would forget the level.
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    // Lucene says on every start that the incubating vector module is not enabled; that is a
    // choice (it would print its own warning), not something a user can act on.
    QUIET.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new HaetaeCommand());
    cmd.setExitCodeExceptionMapper(
        e ->
            e instanceof InputException || e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT
                : ExitCodes.INTERNAL_FAILURE);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (e instanceof CommandLine.ParameterException pe) {
            // Thrown by a command's own checks, after parsing: treat like a parse error.
            err.println("error: " + pe.getMessage());
            pe.getCommandLine().usage(err);
            err.flush();
            return ExitCodes.BAD_INPUT;
          }
          if (e instanceof InputException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
          }
          err.println("internal error: " + e);
          if (System.getenv("HAETAE_DEBUG") != null) {
            e.printStackTrace(err);
          } else {
            err.println("(set HAETAE_DEBUG=1 for the stack trace)");
          }
          err.flush();
          return ExitCodes.INTERNAL_FAILURE;
        });
    return cmd;
  }
}
