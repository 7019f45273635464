package org.haetae.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.haetae.server.users.UserRole;

/**
 * Users, their cases, their API tokens and their second factor. Passwords are kept as bcrypt hashes
 * only, tokens as SHA-256 only.
 */
public interface UserStore {
  /** A login as stored. */
  record User(String username, String passwordHash, UserRole role) {}

  /** Creates or replaces a user; the password is stored as a bcrypt hash only. */
  void put(String username, String password, UserRole role);

  /** Creates a user only when the name is free; false when it is taken. */
  boolean create(String username, String password, UserRole role);

  Optional<User> find(String username);

  /** Ties a (platform) user to the organisation it acts for. */
  void setOrganisation(String username, String organisation);

  /** The organisation a user acts for, if any. */
  Optional<String> organisation(String username);

  /** The names of the users with one of {@code roles}, sorted. */
  List<String> withRole(Set<UserRole> roles);

  void assign(UUID caseId, String username);

  boolean assigned(UUID caseId, String username);

  List<UUID> casesOf(String username);

  /** Keeps a token (by its SHA-256) that acts as {@code username}. */
  void addToken(String sha256, String username, String label);

  /** Who the token of this SHA-256 acts for; marks it used (to the minute). */
  Optional<String> tokenUser(String sha256);

  /**
   * Turns the second factor on with {@code secret} (Base32), replacing any earlier one.
   *
   * @return false when there is no investigator or admin of that name
   */
  boolean enableTotp(String username, String secret);

  /** Turns the second factor off; false if it was not on (or there is no such user). */
  boolean disableTotp(String username);

  /** The Base32 secret of a user who has the second factor on. */
  Optional<String> totpSecret(String username);

  /**
   * Records that the code of {@code step} was used, if no code of that step or a later one was used
   * before; false means a replay. Atomic, so two logins racing with one code cannot both win.
   */
  boolean markTotpUsed(String username, long step);
}
