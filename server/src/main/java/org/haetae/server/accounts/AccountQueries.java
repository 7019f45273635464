package org.haetae.server.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.cases.CaseOverview;
import org.haetae.server.cases.Json;
import org.haetae.server.web.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** One account of a case: its names over time, rooms, roles and the messages each role cites. */
@Service
public class AccountQueries {
  private final JdbcClient jdbc;

  public AccountQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Account(
      String key,
      int rank,
      String displayName,
      boolean namedOnly,
      List<String> usernames,
      List<String> rooms,
      long messages,
      double score) {}

  /** A name the account went by, with when it was seen. */
  public record Name(String name, Instant firstSeen, Instant lastSeen, long count) {}

  /**
   * A role, why it was given, the messages it cites (up to 20 of {@code evidenceCount}) and any
   * reviewer's decision.
   */
  public record Role(
      String role,
      String reason,
      long evidenceCount,
      List<MessageRef> evidence,
      String decision,
      String decidedBy,
      Instant decidedAt) {}

  /** An account as listed in a room. */
  public record Member(
      String key, int rank, String displayName, double score, List<String> roles) {}

  public Account account(UUID caseId, String key) {
    return jdbc.sql(
            "select key, rank, display_name, named_only, usernames, chats, messages, score"
                + " from accounts where case_id = ? and key = ?")
        .params(caseId, key)
        .query(
            (r, i) ->
                new Account(
                    r.getString(1),
                    r.getInt(2),
                    r.getString(3),
                    r.getBoolean(4),
                    Arrays.asList((String[]) r.getArray(5).getArray()),
                    Arrays.asList((String[]) r.getArray(6).getArray()),
                    r.getLong(7),
                    r.getDouble(8)))
        .optional()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account"));
  }

  public List<Name> names(UUID caseId, String key) {
    return jdbc.sql(
            """
            select n->>'name', (n->>'first_seen')::bigint, (n->>'last_seen')::bigint,
              coalesce((n->>'count')::bigint, 0)
            from accounts a, jsonb_array_elements(a.names) n
            where a.case_id = ? and a.key = ?
            order by (n->>'first_seen')::bigint nulls last""")
        .params(caseId, key)
        .query(
            (r, i) ->
                new Name(
                    r.getString(1),
                    seconds((Long) r.getObject(2)),
                    seconds((Long) r.getObject(3)),
                    r.getLong(4)))
        .list();
  }

  public List<Role> roles(UUID caseId, String key) {
    return rolesOf(caseId, List.of(key)).getOrDefault(key, List.of());
  }

  /** The roles of a page of accounts, in two queries whatever the page's size. */
  public Map<String, List<Role>> rolesOf(UUID caseId, List<String> keys) {
    Map<String, Map<String, Role>> roles = new LinkedHashMap<>();
    Map<String, List<MessageRef>> cited = new LinkedHashMap<>();
    String[] wanted = keys.toArray(String[]::new);
    jdbc.sql(
            "select account_key, role, reason, evidence_count, decision, decided_by, decided_at"
                + " from role_claims where case_id = ? and account_key = any(?)"
                + " order by account_key, case role when 'creator' then 0 when 'requester' then 1"
                + " when 'distributor' then 2 when 'admin' then 3 when 'possessor' then 4 else 5"
                + " end")
        .params(caseId, wanted)
        .query(
            (r, i) -> {
              List<MessageRef> refs = new ArrayList<>();
              cited.put(r.getString(1) + "/" + r.getString(2), refs);
              return roles
                  .computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                  .put(
                      r.getString(2),
                      new Role(
                          r.getString(2),
                          r.getString(3),
                          r.getLong(4),
                          refs,
                          r.getString(5),
                          r.getString(6),
                          CaseOverview.instant(r, 7)));
            })
        .list();
    jdbc.sql(
            """
            select c.account_key || '/' || c.role, e->>'chat', (e->>'message_id')::bigint,
              coalesce((e->>'date')::bigint, 0), e->>'export'
            from role_claims c, jsonb_array_elements(c.evidence) e
            where c.case_id = ? and c.account_key = any(?)""")
        .params(caseId, wanted)
        .query(
            (r, i) ->
                cited
                    .get(r.getString(1))
                    .add(
                        new MessageRef(
                            r.getString(2), (Long) r.getObject(3), r.getLong(4), r.getString(5))))
        .list();
    Map<String, List<Role>> out = new LinkedHashMap<>();
    roles.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
    return out;
  }

  /** Accounts seen in a room, highest score first. */
  public List<Member> members(UUID caseId, String room, Pager p) {
    return jdbc.sql(
            """
            select a.key, a.rank, a.display_name, a.score,
              coalesce((select array_agg(c.role order by c.role) from role_claims c
                 where c.case_id = a.case_id and c.account_key = a.key and c.role <> 'member'),
               '{}')
            from accounts a where a.case_id = ? and a.chats @> array[?]::text[]
            order by a.rank offset ? limit ?""")
        .params(caseId, room, p.offset(), p.size())
        .query(
            (r, i) ->
                new Member(
                    r.getString(1),
                    r.getInt(2),
                    r.getString(3),
                    r.getDouble(4),
                    Arrays.asList((String[]) r.getArray(5).getArray())))
        .list();
  }

  public long memberCount(UUID caseId, String room) {
    return jdbc.sql("select count(*) from accounts where case_id = ? and chats @> array[?]::text[]")
        .params(caseId, room)
        .query(Long.class)
        .single();
  }

  /** Accounts whose admin role cites a message of this room. */
  public List<Member> admins(UUID caseId, String room) {
    return jdbc.sql(
            """
            select a.key, a.rank, a.display_name, a.score, array['admin']
            from role_claims c join accounts a on a.case_id = c.case_id and a.key = c.account_key
            where c.case_id = ? and c.role = 'admin' and c.evidence @> ?::jsonb
            order by a.rank limit 100""")
        .params(caseId, Json.citing(room, null))
        .query(
            (r, i) ->
                new Member(
                    r.getString(1),
                    r.getInt(2),
                    r.getString(3),
                    r.getDouble(4),
                    Arrays.asList((String[]) r.getArray(5).getArray())))
        .list();
  }

  private static Instant seconds(Long s) {
    return s == null || s == 0 ? null : Instant.ofEpochSecond(s);
  }
}
