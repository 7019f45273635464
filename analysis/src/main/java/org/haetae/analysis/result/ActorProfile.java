package org.haetae.analysis.result;

import java.util.List;

/**
 * An account (or a name that could not be tied to an account) across every room and export of the
 * case.
 *
 * @param key stable id in the report: the Telegram id ({@code user123}, {@code channel123}) or
 *     {@code name:DISPLAY NAME} for a named-only actor
 * @param namedOnly true when only a name is known (a forward's or a signature's), no account id
 * @param names display names over time, oldest first
 * @param usernames {@code @handles} seen for it (contacts, personal information, mentions)
 * @param chats keys of the rooms it was seen in
 * @param messages messages it sent
 * @param roles its roles, most severe first
 * @param score severity score (see docs/analysis.md); accounts are listed highest first
 */
public record ActorProfile(
    String key,
    boolean namedOnly,
    List<NameUse> names,
    List<String> usernames,
    List<String> chats,
    long messages,
    List<RoleClaim> roles,
    double score) {
  public ActorProfile {
    names = List.copyOf(names);
    usernames = List.copyOf(usernames);
    chats = List.copyOf(chats);
    roles = List.copyOf(roles);
  }

  /** The most recent display name, or the key when none is known. */
  public String displayName() {
    return names.isEmpty() ? key : names.get(names.size() - 1).name();
  }

  public boolean has(Role role) {
    return roles.stream().anyMatch(r -> r.role() == role);
  }
}
