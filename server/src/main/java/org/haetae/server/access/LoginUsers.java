package org.haetae.server.access;

import org.haetae.server.storage.UserStore;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The service's users as Spring Security sees them: a name, a bcrypt hash, one role. */
@Component
public class LoginUsers implements UserDetailsService {
  private final UserStore users;

  public LoginUsers(UserStore users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users
        .find(username)
        .map(
            u ->
                User.withUsername(u.username())
                    .password(u.passwordHash())
                    .authorities(new SimpleGrantedAuthority("ROLE_" + u.role().name()))
                    .build())
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
