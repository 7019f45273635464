package org.haetae.server.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;

/** Writes who did what: logins (good and failed), views, decisions. Never evidence content. */
@Service
public class AuditTrail {
  private static final JsonFactory JSON = new JsonFactory();

  private final JdbcClient jdbc;

  public AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One line of the trail as a case's audit page shows it.
   *
   * @param detail what else the action recorded, as a JSON object ({@code {}} when nothing)
   */
  public record Entry(Instant at, String actor, String action, String target, String detail) {}

  /** A case's trail, newest first. */
  public List<Entry> ofCase(UUID caseId, int offset, int limit) {
    return jdbc.sql(
            "select at, actor, action, target, detail::text from audit where case_id = ?"
                + " order by at desc, id desc offset ? limit ?")
        .params(caseId, offset, limit)
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

  public long countOfCase(UUID caseId) {
    return jdbc.sql("select count(*) from audit where case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  public void record(String actor, String action, UUID caseId, String target) {
    jdbc.sql("insert into audit (actor, action, case_id, target) values (?, ?, ?, ?)")
        .params(actor, action, caseId, target)
        .update();
  }

  /**
   * As {@link #record(String, String, UUID, String)}, with details of the action.
   *
   * @param detail names to strings, numbers or booleans: never evidence content
   */
  public void record(
      String actor, String action, UUID caseId, String target, Map<String, ?> detail) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      for (Map.Entry<String, ?> e : detail.entrySet()) {
        g.writeFieldName(e.getKey());
        // Strings, numbers and booleans only: a generator without a codec writes no other kind.
        g.writeObject(e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    jdbc.sql(
            "insert into audit (actor, action, case_id, target, detail)"
                + " values (?, ?, ?, ?, ?::jsonb)")
        .params(actor, action, caseId, target, w.toString())
        .update();
  }

  @EventListener
  void loggedIn(AuthenticationSuccessEvent e) {
    record(e.getAuthentication().getName(), "login", null, null);
  }

  @EventListener
  void loginFailed(AbstractAuthenticationFailureEvent e) {
    record(String.valueOf(e.getAuthentication().getName()), "login_failed", null, null);
  }
}
