package org.haetae.server.access;

import java.util.Optional;
import org.haetae.server.users.UserRole;
import org.springframework.security.core.Authentication;

/** Reads the signed-in person's role from Spring Security's authorities. */
public final class Roles {
  private Roles() {}

  /** The person's role; empty for a caller without one (no login of this service). */
  public static Optional<UserRole> of(Authentication who) {
    return who.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5))
        .flatMap(a -> UserRole.find(a).stream())
        .findFirst();
  }

  /** Whether the person has one of {@code roles}. */
  public static boolean is(Authentication who, UserRole... roles) {
    UserRole r = of(who).orElse(null);
    for (UserRole role : roles) {
      if (role == r) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAdmin(Authentication who) {
    return is(who, UserRole.ADMIN);
  }

  /** Investigators and admins work on cases; the other roles never see one. */
  public static boolean investigates(Authentication who) {
    return is(who, UserRole.INVESTIGATOR, UserRole.ADMIN);
  }

  /** Support staff and admins work on every report. */
  public static boolean supports(Authentication who) {
    return is(who, UserRole.SUPPORT_STAFF, UserRole.ADMIN);
  }
}
