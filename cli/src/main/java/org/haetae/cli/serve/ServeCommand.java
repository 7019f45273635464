package org.haetae.cli.serve;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.UserInputException;
import org.haetae.server.HaetaeServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the service: the REST API under /api/v1 (OpenAPI spec at /v3/api-docs) on the"
          + " database under DATA_DIR/pg (a PostgreSQL server started from the bundled binaries),"
          + " or on the PostgreSQL named by $HAETAE_DB_URL.",
      "Scans started through the API read exports from DATA_DIR/imports. Stop with Ctrl-C."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}).")
  int port = 8080;

  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() {
    return serve(port, dataDir.path());
  }

  /** Serves until the service is stopped. */
  public int serve(int port, java.nio.file.Path dataDir) {
    if (port < 1 || port > 65535) {
      throw new UserInputException("--port must be 1..65535");
    }
    ConfigurableApplicationContext ctx = HaetaeServer.start(port, dataDir);
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener((ContextClosedEvent e) -> closed.countDown());
    System.err.println("serving on http://localhost:" + port + "/ (API under /api/v1)");
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
