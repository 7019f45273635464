package org.haetae.server.users;

import java.util.Locale;
import java.util.Optional;

/** What a person does with Haetae; each sees only what the role needs. */
public enum UserRole {
  INVESTIGATOR,
  SUPPORT_STAFF,
  PLATFORM,
  VICTIM,
  ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException for a word that names no role
   */
  public static UserRole ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** The role {@code code} names in either case, or empty. */
  public static Optional<UserRole> find(String code) {
    for (UserRole r : values()) {
      if (r.name().equalsIgnoreCase(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
