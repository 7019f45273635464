package org.haetae.server.access;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are kept: bcrypt at cost 12, the same for the service and the command line. */
public final class Passwords {
  /** bcrypt's cost: 2^12 rounds, about a quarter of a second per check on a server core. */
  static final int COST = 12;

  private Passwords() {}

  public static PasswordEncoder bcrypt() {
    return new BCryptPasswordEncoder(COST);
  }
}
