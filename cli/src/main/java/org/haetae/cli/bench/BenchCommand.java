package org.haetae.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Benchmarks that print one figure per line as {@code name value unit}, so that runs can be
 * compared and quoted. Timings belong here, never in unit tests.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints figures as lines 'name value unit'.",
    subcommands = {
      FaceBench.class,
      HashBench.class,
      IndexBench.class,
      IngestBench.class,
      ScanBench.class,
      RequestBench.class,
      ServeBench.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a benchmark (see --help)");
  }
}
