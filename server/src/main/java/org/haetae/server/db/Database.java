package org.haetae.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one database: an external PostgreSQL when {@code HAETAE_DB_URL} names one, else a real
 * PostgreSQL server run from the binaries of a Maven package, with its data under the data folder
 * (so nothing has to be installed). Flyway brings the schema up to date on every start.
 */
public final class Database implements AutoCloseable {
  /** Settings for an external server; {@code url} null for the embedded one. */
  public record Settings(String url, String user, String password, Path embeddedDir) {
    /** From {@code HAETAE_DB_URL}, {@code HAETAE_DB_USER}, {@code HAETAE_DB_PASSWORD}. */
    public static Settings fromEnvironment(Path dataDir) {
      return new Settings(
          System.getenv("HAETAE_DB_URL"),
          System.getenv("HAETAE_DB_USER"),
          System.getenv("HAETAE_DB_PASSWORD"),
          dataDir.resolve("pg"));
    }
  }

  private final DataSource dataSource;
  private final EmbeddedPostgres embedded;
  private final MigrateResult migration;

  private Database(DataSource dataSource, EmbeddedPostgres embedded) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.migration =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
  }

  /** Connects (starting the embedded server first when no URL is set) and migrates. */
  public static Database open(Settings s) throws IOException {
    if (s.url() != null && !s.url().isBlank()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(s.url());
      if (s.user() != null) {
        ds.setUser(s.user());
      }
      if (s.password() != null) {
        ds.setPassword(s.password());
      }
      return new Database(ds, null);
    }
    Files.createDirectories(s.embeddedDir());
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(s.embeddedDir().resolve("data"))
            // Keep what is there: the data folder is the case database, not a test fixture.
            .setCleanDataDirectory(false)
            .start();
    try {
      return new Database(pg.getPostgresDatabase(), pg);
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Migrations this start applied (0 when the schema was current). */
  public int migrationsApplied() {
    return migration.migrationsExecuted;
  }

  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
