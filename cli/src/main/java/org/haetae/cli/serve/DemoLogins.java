package org.haetae.cli.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.UUID;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.server.cases.CaseStore;
import org.haetae.server.db.Database;
import org.haetae.server.users.UserRole;
import org.haetae.server.users.UserStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Puts a demo case into the service's database with two demo investigators: one assigned to it, one
 * not (to show that a case is invisible to whoever is not on it). Passwords are new each time.
 */
public final class DemoLogins {
  /** A login to print. */
  public record Login(String name, String password, String note) {}

  /** What was loaded. */
  public record Loaded(UUID caseId, Login assigned, Login other) {}

  private DemoLogins() {}

  public static Loaded load(Path dataDir, CaseAnalysis analysis, Path caseDir)
      throws IOException, SQLException {
    try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir))) {
      UUID id =
          new CaseStore(db.dataSource()).put(analysis, "synthetic demo case", caseDir.toString());
      UserStore users =
          new UserStore(JdbcClient.create(db.dataSource()), new BCryptPasswordEncoder(12));
      Login assigned = new Login("demo-investigator", password(), "assigned to the demo case");
      Login other = new Login("demo-other", password(), "not assigned: sees no case");
      users.put(assigned.name(), assigned.password(), UserRole.INVESTIGATOR);
      users.put(other.name(), other.password(), UserRole.INVESTIGATOR);
      users.assign(id, assigned.name());
      return new Loaded(id, assigned, other);
    }
  }

  /** A random 18-character password (about 105 bits), without look-alike characters. */
  static String password() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
