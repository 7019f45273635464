package org.haetae.server.storage.postgres;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.server.access.OpenCase;
import org.haetae.server.storage.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AuditLog} on PostgreSQL; details are a jsonb object. */
final class PgAuditLog implements AuditLog {
  private final JdbcClient jdbc;

  PgAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(String actor, String action, UUID caseId, String target) {
    jdbc.sql("insert into audit (actor, action, case_id, target) values (?, ?, ?, ?)")
        .params(actor, action, caseId, target)
        .update();
  }

  @Override
  public void record(
      String actor, String action, UUID caseId, String target, Map<String, ?> detail) {
    String json =
        Json.of(
            g -> {
              g.writeStartObject();
              for (Map.Entry<String, ?> e : detail.entrySet()) {
                g.writeFieldName(e.getKey());
                // Strings, numbers and booleans only: a generator without a codec writes no other.
                g.writeObject(e.getValue());
              }
              g.writeEndObject();
            });
    jdbc.sql(
            "insert into audit (actor, action, case_id, target, detail)"
                + " values (?, ?, ?, ?, ?::jsonb)")
        .params(actor, action, caseId, target, json)
        .update();
  }

  @Override
  public List<Entry> ofCase(OpenCase c, int offset, int limit) {
    return jdbc.sql(
            "select at, actor, action, target, detail::text from audit where case_id = ?"
                + " order by at desc, id desc offset ? limit ?")
        .params(c.id(), offset, limit)
        .query(
            (r, i) ->
                new Entry(
                    r.getTimestamp(1).toInstant(),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5)))
        .list();
  }

  @Override
  public long countOfCase(OpenCase c) {
    return jdbc.sql("select count(*) from audit where case_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }
}
