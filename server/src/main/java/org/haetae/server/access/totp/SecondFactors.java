package org.haetae.server.access.totp;

import java.util.Optional;
import org.haetae.server.storage.UserStore;
import org.haetae.server.users.UserRole;
import org.springframework.stereotype.Service;

/**
 * Who has a second factor, with which secret, and the last step whose code was accepted (kept by
 * the {@link UserStore}, see {@code V4__totp.sql}).
 */
@Service
public class SecondFactors {
  private final UserStore users;

  public SecondFactors(UserStore users) {
    this.users = users;
  }

  /** Whether a role may have a second factor: the roles that see investigations. */
  public static boolean allowed(UserRole role) {
    return role == UserRole.INVESTIGATOR || role == UserRole.ADMIN;
  }

  /** The role of {@code username}, or empty if there is no such user. */
  public Optional<UserRole> role(String username) {
    return users.find(username).map(UserStore.User::role);
  }

  /**
   * Turns the second factor on with a fresh secret, replacing any earlier one, and returns the
   * secret in Base32: the only time it is handed out.
   *
   * @throws IllegalArgumentException if there is no investigator or admin of that name
   */
  public String enable(String username) {
    String secret = Totp.base32(Totp.newSecret());
    if (!users.enableTotp(username, secret)) {
      throw new IllegalArgumentException("no investigator or admin named " + username);
    }
    return secret;
  }

  /** Turns the second factor off; false if it was not on (or there is no such user). */
  public boolean disable(String username) {
    return users.disableTotp(username);
  }

  /** The secret of a user who has the second factor on. */
  public Optional<byte[]> secret(String username) {
    return users.totpSecret(username).map(Totp::fromBase32);
  }

  public boolean enabled(String username) {
    return secret(username).isPresent();
  }

  /**
   * Records that the code of {@code step} was used, if no code of that step or a later one was used
   * before; false means a replay. Atomic, so two logins racing with one code cannot both win.
   */
  public boolean markUsed(String username, long step) {
    return users.markTotpUsed(username, step);
  }
}
