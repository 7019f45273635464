package org.haetae.server.storage.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.Decision;
import org.haetae.server.storage.Reviews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Reviews} on PostgreSQL; each decision and its audit line commit together. */
final class PgReviews implements Reviews {
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditLog audit;

  PgReviews(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
  }

  @Override
  public boolean decideRole(OpenCase c, String account, Role role, Decision decision) {
    Boolean done =
        tx.execute(
            s -> {
              int n =
                  jdbc.sql(
                          "update role_claims set decision = ?, decided_by = ?, decided_at = now()"
                              + " where case_id = ? and account_key = ? and role = ?")
                      .params(decision.code(), c.who(), c.id(), account, role.code())
                      .update();
              if (n == 1) {
                audit.record(
                    c.who(),
                    "role_decided",
                    c.id(),
                    account + "/" + role.code(),
                    Map.of("decision", decision.code()));
              }
              return n == 1;
            });
    return Boolean.TRUE.equals(done);
  }

  @Override
  public boolean decideFlag(OpenCase c, long flagId, Decision decision) {
    Boolean done =
        tx.execute(
            s -> {
              int n =
                  jdbc.sql(
                          """
                          insert into flag_decisions
                            (case_id, chat_key, message_id, category, rule, decision, decided_by)
                          select case_id, chat_key, coalesce(message_id, -1), category, rule, ?, ?
                          from flags where case_id = ? and id = ?
                          on conflict (case_id, chat_key, message_id, category, rule) do update
                            set decision = excluded.decision, decided_by = excluded.decided_by,
                                decided_at = now()""")
                      .params(decision.code(), c.who(), c.id(), flagId)
                      .update();
              if (n == 1) {
                audit.record(c.who(), "flag_" + decision.code(), c.id(), "flag " + flagId);
              }
              return n == 1;
            });
    return Boolean.TRUE.equals(done);
  }

  @Override
  public List<RoleDecision> roleDecisions(OpenCase c) {
    return jdbc.sql(
            "select account_key, role, decision, decided_by, decided_at"
                + " from role_claims where case_id = ? and decision is not null"
                + " order by decided_at")
        .param(c.id())
        .query((r, i) -> roleDecision(r))
        .list();
  }

  @Override
  public List<FlagDecision> flagDecisions(OpenCase c) {
    return jdbc.sql(
            "select chat_key, nullif(message_id, -1), category, rule, decision, decided_by,"
                + " decided_at from flag_decisions where case_id = ? order by decided_at")
        .param(c.id())
        .query(
            (r, i) ->
                new FlagDecision(
                    r.getString(1),
                    Columns.longOrNull(r, 2),
                    r.getString(3),
                    r.getString(4),
                    Decision.ofCode(r.getString(5)),
                    r.getString(6),
                    Columns.instant(r, 7)))
        .list();
  }

  @Override
  public List<DecidedCitation> decidedCitations(OpenCase c, Role role) {
    return jdbc.sql(
            """
            select c.decision, e->>'chat', (e->>'message_id')::bigint,
              coalesce((e->>'date')::bigint, 0), e->>'export'
            from role_claims c, jsonb_array_elements(c.evidence) e
            where c.case_id = ? and c.role = ? and c.decision is not null""")
        .params(c.id(), role.code())
        .query(
            (r, i) ->
                new DecidedCitation(
                    Decision.ofCode(r.getString(1)),
                    new MessageRef(
                        r.getString(2), Columns.longOrNull(r, 3), r.getLong(4), r.getString(5))))
        .list();
  }

  /** Columns account_key, role, decision, decided_by, decided_at of {@code role_claims}. */
  static RoleDecision roleDecision(ResultSet r) throws SQLException {
    return new RoleDecision(
        r.getString(1),
        Role.ofCode(r.getString(2)),
        Decision.ofCode(r.getString(3)),
        r.getString(4),
        Columns.instant(r, 5));
  }
}
