package org.haetae.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The shared service: cases in PostgreSQL, the API under {@code /api/v1}, access by role. */
@SpringBootApplication
public class HaetaeServer {
  public static void main(String[] args) {
    SpringApplication.run(HaetaeServer.class, args);
  }
}
