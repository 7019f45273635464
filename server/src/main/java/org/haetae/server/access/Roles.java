package org.haetae.server.access;

import java.util.Locale;
import org.springframework.security.core.Authentication;

/** Reads the signed-in person's role from Spring Security's authorities. */
public final class Roles {
  private Roles() {}

  /** The role's word ({@code investigator}, {@code platform}, ...), or empty when none. */
  public static String of(Authentication who) {
    return who.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring(5).toLowerCase(Locale.ROOT))
        .findFirst()
        .orElse("");
  }

  public static boolean isAdmin(Authentication who) {
    return of(who).equals("admin");
  }

  /** Investigators and admins work on cases; the other roles never see one. */
  public static boolean investigates(Authentication who) {
    String r = of(who);
    return r.equals("investigator") || r.equals("admin");
  }
}
