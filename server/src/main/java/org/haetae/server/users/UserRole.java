package org.haetae.server.users;

import java.util.Locale;

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

  public static UserRole ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
