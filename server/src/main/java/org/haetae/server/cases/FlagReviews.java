package org.haetae.server.cases;

import java.util.UUID;
import org.haetae.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A reviewer confirms or rejects a flagged message; who decided is kept and audited. */
@Service
public class FlagReviews {
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  public FlagReviews(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.tx = tx;
  }

  /**
   * @return false when the case has no such flag
   */
  public boolean decide(UUID caseId, long flagId, boolean confirmed, String by) {
    String decision = confirmed ? "confirmed" : "rejected";
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
                      .params(decision, by, caseId, flagId)
                      .update();
              if (n == 1) {
                audit.record(by, "flag_" + decision, caseId, "flag " + flagId);
              }
              return n == 1;
            });
    return Boolean.TRUE.equals(done);
  }
}
