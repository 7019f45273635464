package org.haetae.cli.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.server.db.Database;
import org.haetae.server.storage.UserStore;
import org.haetae.server.storage.postgres.PostgresStores;
import org.haetae.server.users.UserRole;

/**
 * Puts a demo case into the service's database with demo logins: an investigator assigned to it,
 * one who is not (the case is invisible to her) and a platform (no investigations at all).
 * Passwords are new each time.
 */
public final class DemoLogins {
  /** A login to print. */
  public record Login(String name, String password, String note) {}

  /** What was loaded. */
  public record Loaded(UUID caseId, Login assigned, java.util.List<Login> all) {}

  private DemoLogins() {}

  public static Loaded load(Path dataDir, CaseAnalysis analysis, Path caseDir) throws IOException {
    try (Database db = Database.open(Database.Settings.fromEnvironment(dataDir))) {
      PostgresStores stores = PostgresStores.on(db.dataSource());
      UUID id = stores.caseImport().put(analysis, "synthetic demo case", caseDir.toString());
      UserStore users = stores.users();
      Login assigned = new Login("demo-investigator", password(), "assigned to the demo case");
      Login other = new Login("demo-other", password(), "investigator not assigned: sees no case");
      Login platform =
          new Login(
              "demo-platform",
              password(),
              "the platform ExampleChat: its notices and the match API, no investigations");
      Login support =
          new Login("demo-support", password(), "support staff: the reports queue, notices");
      Login victim = new Login("demo-victim", password(), "a victim: the portal");
      users.put(assigned.name(), assigned.password(), UserRole.INVESTIGATOR);
      users.put(other.name(), other.password(), UserRole.INVESTIGATOR);
      users.put(platform.name(), platform.password(), UserRole.PLATFORM);
      users.setOrganisation(platform.name(), "ExampleChat");
      users.put(support.name(), support.password(), UserRole.SUPPORT_STAFF);
      users.put(victim.name(), victim.password(), UserRole.VICTIM);
      users.assign(id, assigned.name());
      return new Loaded(
          id, assigned, java.util.List.of(assigned, other, platform, support, victim));
    }
  }

  /** A random 18-character password (about 105 bits), without look-alike characters. */
  public static String password() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
