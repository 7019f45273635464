package org.haetae.server;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The shared service: cases in PostgreSQL, the API under {@code /api/v1}, access by role. */
@SpringBootApplication
public class HaetaeServer {
  public static void main(String[] args) {
    SpringApplication.run(HaetaeServer.class, args);
  }

  /** Starts the service on {@code port} with its data under {@code dataDir}. */
  public static ConfigurableApplicationContext start(int port, Path dataDir) {
    return SpringApplication.run(
        HaetaeServer.class,
        "--server.port=" + port,
        "--haetae.data-dir=" + dataDir.toAbsolutePath());
  }
}
