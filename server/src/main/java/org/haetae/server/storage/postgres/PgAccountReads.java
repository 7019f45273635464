package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Columns.instant;
import static org.haetae.server.storage.postgres.Columns.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.haetae.analysis.result.MessageRef;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AccountReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AccountReads} on PostgreSQL. */
final class PgAccountReads implements AccountReads {
  private final JdbcClient jdbc;

  PgAccountReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long accountCount(OpenCase c) {
    return jdbc.sql("select count(*) from accounts where case_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  @Override
  public List<AccountRow> ranked(OpenCase c, int offset, int limit) {
    record Head(String key, int rank, String name, double score) {}
    List<Head> heads =
        jdbc.sql(
                "select key, rank, display_name, score from accounts where case_id = ?"
                    + " order by rank offset ? limit ?")
            .params(c.id(), offset, limit)
            .query((r, i) -> new Head(r.getString(1), r.getInt(2), r.getString(3), r.getDouble(4)))
            .list();
    // The page's roles in one query, not one per account.
    Map<String, List<RoleRow>> roles = new HashMap<>();
    jdbc.sql(
            "select account_key, role, reason, evidence_count, decision from role_claims"
                + " where case_id = ? and account_key = any(?) order by account_key, role")
        .params(c.id(), heads.stream().map(Head::key).toArray(String[]::new))
        .query(
            (r, i) ->
                roles
                    .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                    .add(new RoleRow(r.getString(2), r.getString(3), r.getLong(4), r.getString(5))))
        .list();
    List<AccountRow> out = new ArrayList<>();
    for (Head h : heads) {
      out.add(
          new AccountRow(
              h.key(), h.rank(), h.name(), h.score(), roles.getOrDefault(h.key(), List.of())));
    }
    return out;
  }

  @Override
  public Optional<Account> account(OpenCase c, String key) {
    return jdbc.sql(
            "select key, rank, display_name, named_only, usernames, chats, messages, score"
                + " from accounts where case_id = ? and key = ?")
        .params(c.id(), key)
        .query(
            (r, i) ->
                new Account(
                    r.getString(1),
                    r.getInt(2),
                    r.getString(3),
                    r.getBoolean(4),
                    strings(r, 5),
                    strings(r, 6),
                    r.getLong(7),
                    r.getDouble(8)))
        .optional();
  }

  @Override
  public List<Name> names(OpenCase c, String key) {
    return jdbc.sql(
            """
            select n->>'name', (n->>'first_seen')::bigint, (n->>'last_seen')::bigint,
              coalesce((n->>'count')::bigint, 0)
            from accounts a, jsonb_array_elements(a.names) n
            where a.case_id = ? and a.key = ?
            order by (n->>'first_seen')::bigint nulls last""")
        .params(c.id(), key)
        .query(
            (r, i) ->
                new Name(
                    r.getString(1),
                    seconds((Long) r.getObject(2)),
                    seconds((Long) r.getObject(3)),
                    r.getLong(4)))
        .list();
  }

  @Override
  public List<ClaimedRole> roles(OpenCase c, String key) {
    return rolesOf(c, List.of(key)).getOrDefault(key, List.of());
  }

  /** In two queries whatever the page's size. */
  @Override
  public Map<String, List<ClaimedRole>> rolesOf(OpenCase c, List<String> keys) {
    Map<String, Map<String, ClaimedRole>> roles = new LinkedHashMap<>();
    Map<String, List<MessageRef>> cited = new LinkedHashMap<>();
    String[] wanted = keys.toArray(String[]::new);
    jdbc.sql(
            "select account_key, role, reason, evidence_count, decision, decided_by, decided_at"
                + " from role_claims where case_id = ? and account_key = any(?)"
                + " order by account_key, case role when 'creator' then 0 when 'requester' then 1"
                + " when 'distributor' then 2 when 'admin' then 3 when 'possessor' then 4 else 5"
                + " end")
        .params(c.id(), wanted)
        .query(
            (r, i) -> {
              List<MessageRef> refs = new ArrayList<>();
              cited.put(r.getString(1) + "/" + r.getString(2), refs);
              return roles
                  .computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                  .put(
                      r.getString(2),
                      new ClaimedRole(
                          r.getString(2),
                          r.getString(3),
                          r.getLong(4),
                          refs,
                          r.getString(5),
                          r.getString(6),
                          instant(r, 7)));
            })
        .list();
    jdbc.sql(
            """
            select c.account_key || '/' || c.role, e->>'chat', (e->>'message_id')::bigint,
              coalesce((e->>'date')::bigint, 0), e->>'export'
            from role_claims c, jsonb_array_elements(c.evidence) e
            where c.case_id = ? and c.account_key = any(?)""")
        .params(c.id(), wanted)
        .query(
            (r, i) ->
                cited
                    .get(r.getString(1))
                    .add(
                        new MessageRef(
                            r.getString(2), (Long) r.getObject(3), r.getLong(4), r.getString(5))))
        .list();
    Map<String, List<ClaimedRole>> out = new LinkedHashMap<>();
    roles.forEach((k, v) -> out.put(k, List.copyOf(v.values())));
    return out;
  }

  @Override
  public List<Member> members(OpenCase c, String room, int offset, int limit) {
    return jdbc.sql(
            """
            select a.key, a.rank, a.display_name, a.score,
              coalesce((select array_agg(c.role order by c.role) from role_claims c
                 where c.case_id = a.case_id and c.account_key = a.key and c.role <> 'member'),
               '{}')
            from accounts a where a.case_id = ? and a.chats @> array[?]::text[]
            order by a.rank offset ? limit ?""")
        .params(c.id(), room, offset, limit)
        .query(
            (r, i) ->
                new Member(
                    r.getString(1), r.getInt(2), r.getString(3), r.getDouble(4), strings(r, 5)))
        .list();
  }

  @Override
  public long memberCount(OpenCase c, String room) {
    return jdbc.sql("select count(*) from accounts where case_id = ? and chats @> array[?]::text[]")
        .params(c.id(), room)
        .query(Long.class)
        .single();
  }

  @Override
  public List<Member> admins(OpenCase c, String room) {
    return jdbc.sql(
            """
            select a.key, a.rank, a.display_name, a.score, array['admin']
            from role_claims c join accounts a on a.case_id = c.case_id and a.key = c.account_key
            where c.case_id = ? and c.role = 'admin' and c.evidence @> ?::jsonb
            order by a.rank limit 100""")
        .params(c.id(), Json.citing(room, null))
        .query(
            (r, i) ->
                new Member(
                    r.getString(1), r.getInt(2), r.getString(3), r.getDouble(4), strings(r, 5)))
        .list();
  }

  private static Instant seconds(Long s) {
    return s == null || s == 0 ? null : Instant.ofEpochSecond(s);
  }
}
