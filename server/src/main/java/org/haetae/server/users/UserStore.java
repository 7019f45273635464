package org.haetae.server.users;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users and their case assignments, in the database. */
@Service
public class UserStore implements UserDetailsService {
  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;

  public UserStore(JdbcClient jdbc, PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  /** Creates or replaces a user; the password is stored as a bcrypt hash only. */
  public void put(String username, String password, UserRole role) {
    jdbc.sql(
            "insert into users (username, password_hash, role) values (?, ?, ?)"
                + " on conflict (username) do update set password_hash = excluded.password_hash,"
                + " role = excluded.role")
        .params(username, passwords.encode(password), role.code())
        .update();
  }

  /** Ties a (platform) user to the organisation it acts for. */
  public void organisation(String username, String organisation) {
    jdbc.sql("update users set organisation = ? where username = ?")
        .params(organisation, username)
        .update();
  }

  /** The organisation a user acts for, or null. */
  public String organisation(String username) {
    return jdbc.sql("select organisation from users where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Creates a user only when the name is free; false when it is taken. */
  public boolean create(String username, String password, UserRole role) {
    return jdbc.sql(
                "insert into users (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")
            .params(username, passwords.encode(password), role.code())
            .update()
        == 1;
  }

  public void assign(UUID caseId, String username) {
    jdbc.sql("insert into case_access (case_id, username) values (?, ?) on conflict do nothing")
        .params(caseId, username)
        .update();
  }

  public boolean assigned(UUID caseId, String username) {
    return jdbc.sql("select count(*) from case_access where case_id = ? and username = ?")
            .params(caseId, username)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<UUID> casesOf(String username) {
    return jdbc.sql("select case_id from case_access where username = ?")
        .param(username)
        .query(UUID.class)
        .list();
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql("select username, password_hash, role from users where username = ?")
        .param(username)
        .query(
            (r, i) ->
                User.withUsername(r.getString(1))
                    .password(r.getString(2))
                    .authorities(new SimpleGrantedAuthority("ROLE_" + r.getString(3).toUpperCase()))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
