package org.haetae.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haetae.cli.CliRun;
import org.haetae.server.access.Passwords;
import org.haetae.server.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users made from the command line, in the real (embedded) database. */
class UserCommandTest {
  @TempDir Path data;

  @Test
  void addsUsersWithHashedPasswordsAndChecksInput() throws Exception {
    CliRun added =
        CliRun.of("user", "add", "kim", "--role", "investigator", "--data-dir", data.toString());
    assertThat(added.exitCode()).as(added.err()).isZero();
    String password =
        added
            .out()
            .lines()
            .filter(l -> l.startsWith("password: "))
            .findFirst()
            .orElseThrow()
            .substring(10);
    assertThat(password).hasSize(18);
    try (Database db = Database.open(new Database.Settings(null, null, null, data.resolve("pg")))) {
      String hash =
          JdbcClient.create(db.dataSource())
              .sql("select password_hash from users where username = 'kim'")
              .query(String.class)
              .single();
      assertThat(hash).doesNotContain(password).startsWith("$2");
      assertThat(Passwords.bcrypt().matches(password, hash)).isTrue();
      // Cost 12, as the service keeps passwords.
      assertThat(hash).startsWith("$2a$12$");
    }
    assertThat(
            CliRun.of("user", "add", "kim", "--role", "boss", "--data-dir", data.toString())
                .exitCode())
        .isEqualTo(2);
    assertThat(
            CliRun.of("user", "add", "a b", "--role", "admin", "--data-dir", data.toString())
                .exitCode())
        .isEqualTo(2);
    CliRun assign = CliRun.of("user", "assign", "kim", "not-a-uuid", "--data-dir", data.toString());
    assertThat(assign.exitCode()).isEqualTo(2);
    CliRun noCase =
        CliRun.of(
            "user",
            "assign",
            "kim",
            java.util.UUID.randomUUID().toString(),
            "--data-dir",
            data.toString());
    assertThat(noCase.exitCode()).isEqualTo(2);
    assertThat(noCase.err()).contains("no such user or case");
    assertThat(CliRun.of("serve", "--port", "0").exitCode()).isEqualTo(2);
    CliRun token = CliRun.of("user", "token", "kim", "--data-dir", data.toString());
    assertThat(token.exitCode()).as(token.err()).isZero();
    assertThat(token.out().strip()).startsWith("hae_");
    assertThat(CliRun.of("user", "token", "nobody", "--data-dir", data.toString()).exitCode())
        .isEqualTo(2);
  }
}
