package org.haetae.server.storage.postgres;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** {@link UserStore} on PostgreSQL: tables users, case_access and api_tokens. */
final class PgUserStore implements UserStore {
  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;

  PgUserStore(JdbcClient jdbc, PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Override
  public void put(String username, String password, UserRole role) {
    jdbc.sql(
            "insert into users (username, password_hash, role) values (?, ?, ?)"
                + " on conflict (username) do update set password_hash = excluded.password_hash,"
                + " role = excluded.role")
        .params(username, passwords.encode(password), role.code())
        .update();
  }

  @Override
  public boolean create(String username, String password, UserRole role) {
    return jdbc.sql(
                "insert into users (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")
            .params(username, passwords.encode(password), role.code())
            .update()
        == 1;
  }

  @Override
  public Optional<User> find(String username) {
    return jdbc.sql("select username, password_hash, role from users where username = ?")
        .param(username)
        .query((r, i) -> new User(r.getString(1), r.getString(2), UserRole.ofCode(r.getString(3))))
        .optional();
  }

  @Override
  public void setOrganisation(String username, String organisation) {
    jdbc.sql("update users set organisation = ? where username = ?")
        .params(organisation, username)
        .update();
  }

  @Override
  public Optional<String> organisation(String username) {
    return jdbc.sql(
            "select organisation from users where username = ? and organisation is not null")
        .param(username)
        .query(String.class)
        .optional();
  }

  @Override
  public List<String> withRole(Set<UserRole> roles) {
    return jdbc.sql("select username from users where role = any(?) order by 1")
        .param(roles.stream().map(UserRole::code).toArray(String[]::new))
        .query(String.class)
        .list();
  }

  @Override
  public void assign(UUID caseId, String username) {
    jdbc.sql("insert into case_access (case_id, username) values (?, ?) on conflict do nothing")
        .params(caseId, username)
        .update();
  }

  @Override
  public boolean assigned(UUID caseId, String username) {
    return jdbc.sql("select count(*) from case_access where case_id = ? and username = ?")
            .params(caseId, username)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<UUID> casesOf(String username) {
    return jdbc.sql("select case_id from case_access where username = ?")
        .param(username)
        .query(UUID.class)
        .list();
  }

  @Override
  public void addToken(String sha256, String username, String label) {
    jdbc.sql("insert into api_tokens (token_sha256, username, label) values (?, ?, ?)")
        .params(sha256, username, label == null ? "" : label)
        .update();
  }

  @Override
  public Optional<String> tokenUser(String sha256) {
    return jdbc.sql(
            // Last use is kept to the minute: writing it on every request would make a busy
            // client's requests queue on one row.
            "with t as (select username, last_used_at from api_tokens where token_sha256 = ?),"
                + " touched as (update api_tokens set last_used_at = now()"
                + " where token_sha256 = ? and (last_used_at is null"
                + " or last_used_at < now() - interval '1 minute'))"
                + " select username from t")
        .params(sha256, sha256)
        .query(String.class)
        .optional();
  }

  @Override
  public boolean enableTotp(String username, String secret) {
    return jdbc.sql(
                "update users set totp_secret = ?, totp_last_step = null"
                    + " where username = ? and role in ('investigator', 'admin')")
            .params(secret, username)
            .update()
        > 0;
  }

  @Override
  public boolean disableTotp(String username) {
    return jdbc.sql(
                "update users set totp_secret = null, totp_last_step = null"
                    + " where username = ? and totp_secret is not null")
            .param(username)
            .update()
        > 0;
  }

  @Override
  public Optional<String> totpSecret(String username) {
    return jdbc.sql("select totp_secret from users where username = ? and totp_secret is not null")
        .param(username)
        .query(String.class)
        .optional();
  }

  @Override
  public boolean markTotpUsed(String username, long step) {
    return jdbc.sql(
                "update users set totp_last_step = ? where username = ? and totp_secret is not null"
                    + " and (totp_last_step is null or totp_last_step < ?)")
            .params(step, username, step)
            .update()
        == 1;
  }
}
