package org.haetae.server.access.totp;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.haetae.server.access.LoginUsers;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Name and password (bcrypt, as before), then, for a user who has a second factor, a valid and
 * unused one-time code from the login form. It is the only authentication provider of the service
 * (being a bean, it replaces the one Spring would make from {@link LoginUsers}), so form login and
 * HTTP Basic both pass through it: Basic carries no code and is therefore refused for such a user,
 * who uses an API token instead.
 *
 * <p>A missing, wrong or reused code fails exactly like a wrong password ({@link
 * BadCredentialsException}, same message), so it is audited and counts toward {@code LoginThrottle}
 * like one. The password is checked first, so a wrong password never spends a code.
 */
@Component
public class TotpAuthenticationProvider extends DaoAuthenticationProvider {
  private final SecondFactors totp;
  private final Clock clock = Clock.systemUTC();

  public TotpAuthenticationProvider(
      LoginUsers users, PasswordEncoder passwords, SecondFactors totp) {
    super(users);
    setPasswordEncoder(passwords);
    this.totp = totp;
  }

  @Override
  protected void additionalAuthenticationChecks(
      UserDetails user, UsernamePasswordAuthenticationToken authentication) {
    super.additionalAuthenticationChecks(user, authentication);
    Optional<byte[]> secret = totp.secret(user.getUsername());
    if (secret.isEmpty()) {
      return;
    }
    String code = authentication.getDetails() instanceof TotpLoginDetails d ? d.code() : null;
    OptionalLong step = Totp.verify(secret.get(), code, Totp.step(clock.instant()), Totp.WINDOW);
    if (step.isEmpty() || !totp.markUsed(user.getUsername(), step.getAsLong())) {
      throw new BadCredentialsException(
          messages.getMessage(
              "AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
    }
  }

  /** The session keeps where the login came from, not the code. */
  @Override
  protected Authentication createSuccessAuthentication(
      Object principal, Authentication authentication, UserDetails user) {
    Authentication result = super.createSuccessAuthentication(principal, authentication, user);
    if (result instanceof AbstractAuthenticationToken t
        && t.getDetails() instanceof TotpLoginDetails d) {
      t.setDetails(d.withoutCode());
    }
    return result;
  }
}
