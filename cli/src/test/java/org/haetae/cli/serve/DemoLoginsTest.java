package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haetae.server.users.UserRole.PLATFORM;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.server.access.Passwords;
import org.haetae.server.db.Database;
import org.haetae.server.storage.UserStore;
import org.haetae.server.storage.UserStore.User;
import org.haetae.server.storage.postgres.PostgresStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo case and its two logins in the real (embedded) database. */
class DemoLoginsTest {
  @TempDir Path data;

  @Test
  void loadsTheCaseAndTwoLoginsOnlyOneOfThemOnTheCase() throws Exception {
    MediaCatalog none = MediaCatalog.NONE;
    CaseAnalysis a;
    try (CaseAnalyzer an =
        new CaseAnalyzer(new CaseAnalyzer.Settings(31, 50), none, Lexicon.builtIn(), null)) {
      a =
          an.finish(
              new CaseAnalyzer.Context(
                  UUID.randomUUID().toString(),
                  "2026-01-01T00:00:00Z",
                  List.of(),
                  "h",
                  "r",
                  0,
                  List.of()));
    }
    DemoLogins.Loaded l = DemoLogins.load(data, a, data.resolve("case"));
    assertThat(l.all())
        .extracting(DemoLogins.Login::name)
        .containsExactly(
            "demo-investigator", "demo-other", "demo-platform", "demo-support", "demo-victim");
    assertThat(l.all()).extracting(DemoLogins.Login::password).doesNotHaveDuplicates();
    assertThat(l.assigned().password()).hasSize(18);
    try (Database db = Database.open(new Database.Settings(null, null, null, data.resolve("pg")))) {
      UserStore users = PostgresStores.on(db.dataSource()).users();
      assertThat(users.casesOf("demo-investigator")).containsExactly(l.caseId());
      assertThat(users.casesOf("demo-other")).isEmpty();
      assertThat(users.casesOf("demo-platform")).isEmpty();
      assertThat(users.find("demo-platform")).get().extracting(User::role).isEqualTo(PLATFORM);
      assertThat(users.organisation("demo-platform")).contains("ExampleChat");
      assertThat(
              Passwords.bcrypt()
                  .matches(
                      l.assigned().password(),
                      users.find("demo-investigator").orElseThrow().passwordHash()))
          .isTrue();
    }
  }
}
