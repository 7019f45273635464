package org.haetae.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database the service runs on: embedded under the data folder unless HAETAE_DB_URL is set. */
@Configuration
public class DatabaseConfig {
  @Bean(destroyMethod = "close")
  Database database(@Value("${haetae.data-dir:${HAETAE_DATA_DIR:haetae-data}}") String dataDir)
      throws IOException {
    return Database.open(Database.Settings.fromEnvironment(Path.of(dataDir)));
  }

  /**
   * A pool over the database: a new PostgreSQL connection per request costs more than the query.
   */
  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(Database db) {
    HikariConfig c = new HikariConfig();
    c.setDataSource(db.dataSource());
    c.setMaximumPoolSize(16);
    c.setPoolName("haetae");
    return new HikariDataSource(c);
  }
}
