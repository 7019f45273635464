package org.haetae.cli.ingest;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.haetae.cli.Main;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps what it printed. */
record Run(int code, String out, String err) {
  static Run of(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
