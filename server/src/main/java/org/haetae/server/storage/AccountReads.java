package org.haetae.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.access.OpenCase;

/** The accounts of a case: ranked, one by one with names and roles, and by room. */
public interface AccountReads {
  /** An account as ranked, with its roles and any reviewer decision on each. */
  record AccountRow(String key, int rank, String displayName, double score, List<RoleRow> roles) {}

  /**
   * @param role the role's word ({@code creator}, {@code distributor}, ...)
   * @param decision {@code confirmed}, {@code rejected}, or null while nobody has reviewed it
   */
  record RoleRow(String role, String reason, long evidenceCount, String decision) {}

  record Account(
      String key,
      int rank,
      String displayName,
      boolean namedOnly,
      List<String> usernames,
      List<String> rooms,
      long messages,
      double score) {}

  /** A name the account went by, with when it was seen. */
  record Name(String name, Instant firstSeen, Instant lastSeen, long count) {}

  /**
   * A role, why it was given, the messages it cites (up to 20 of {@code evidenceCount}) and any
   * reviewer's decision.
   */
  record ClaimedRole(
      String role,
      String reason,
      long evidenceCount,
      List<MessageRef> evidence,
      String decision,
      String decidedBy,
      Instant decidedAt) {}

  /** An account as listed in a room. */
  record Member(String key, int rank, String displayName, double score, List<String> roles) {}

  long accountCount(OpenCase c);

  /** One page of the accounts, highest score first. */
  List<AccountRow> ranked(OpenCase c, int offset, int limit);

  Optional<Account> account(OpenCase c, String key);

  List<Name> names(OpenCase c, String key);

  List<ClaimedRole> roles(OpenCase c, String key);

  /** The roles of a page of accounts, by account. */
  Map<String, List<ClaimedRole>> rolesOf(OpenCase c, List<String> keys);

  /** Accounts seen in a room, highest score first. */
  List<Member> members(OpenCase c, String room, int offset, int limit);

  long memberCount(OpenCase c, String room);

  /** Accounts whose admin role cites a message of this room. */
  List<Member> admins(OpenCase c, String room);
}
