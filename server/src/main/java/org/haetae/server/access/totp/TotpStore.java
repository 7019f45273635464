package org.haetae.server.access.totp;

import java.util.Optional;
import org.haetae.server.users.UserRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who has a second factor, with which secret, and the last step whose code was accepted (columns of
 * {@code users}, see {@code V4__totp.sql}).
 */
@Service
public class TotpStore {
  private final JdbcClient jdbc;

  public TotpStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a role may have a second factor: the roles that see investigations. */
  public static boolean allowed(UserRole role) {
    return role == UserRole.INVESTIGATOR || role == UserRole.ADMIN;
  }

  /** The role of {@code username}, or empty if there is no such user. */
  public Optional<UserRole> role(String username) {
    return jdbc.sql("select role from users where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .map(UserRole::ofCode);
  }

  /**
   * Turns the second factor on with a fresh secret, replacing any earlier one, and returns the
   * secret in Base32: the only time it is handed out.
   *
   * @throws IllegalArgumentException if there is no investigator or admin of that name
   */
  public String enable(String username) {
    String secret = Totp.base32(Totp.newSecret());
    int n =
        jdbc.sql(
                "update users set totp_secret = ?, totp_last_step = null"
                    + " where username = ? and role in ('investigator', 'admin')")
            .params(secret, username)
            .update();
    if (n == 0) {
      throw new IllegalArgumentException("no investigator or admin named " + username);
    }
    return secret;
  }

  /** Turns the second factor off; false if it was not on (or there is no such user). */
  public boolean disable(String username) {
    return jdbc.sql(
                "update users set totp_secret = null, totp_last_step = null"
                    + " where username = ? and totp_secret is not null")
            .param(username)
            .update()
        > 0;
  }

  /** The secret of a user who has the second factor on. */
  public Optional<byte[]> secret(String username) {
    return jdbc.sql("select totp_secret from users where username = ? and totp_secret is not null")
        .param(username)
        .query(String.class)
        .optional()
        .map(Totp::fromBase32);
  }

  public boolean enabled(String username) {
    return secret(username).isPresent();
  }

  /**
   * Records that the code of {@code step} was used, if no code of that step or a later one was used
   * before; false means a replay. Atomic, so two logins racing with one code cannot both win.
   */
  public boolean markUsed(String username, long step) {
    return jdbc.sql(
                "update users set totp_last_step = ? where username = ? and totp_secret is not null"
                    + " and (totp_last_step is null or totp_last_step < ?)")
            .params(step, username, step)
            .update()
        == 1;
  }
}
