package org.haetae.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.server.access.OpenCase;

/** Who did what: logins (good and failed), views, searches, decisions, exports. */
public interface AuditLog {
  /**
   * One line of the trail as a case's audit page shows it.
   *
   * @param detail what else the action recorded, as a JSON object ({@code {}} when nothing)
   */
  record Entry(Instant at, String actor, String action, String target, String detail) {}

  /**
   * @param caseId the case it concerns, or null
   * @param target what it concerns (a page, a file, a report's reference), or null: never evidence
   *     content
   */
  void record(String actor, String action, UUID caseId, String target);

  /**
   * As {@link #record(String, String, UUID, String)}, with details of the action.
   *
   * @param detail names to strings, numbers or booleans: never evidence content
   */
  void record(String actor, String action, UUID caseId, String target, Map<String, ?> detail);

  /** The case's trail, newest first. */
  List<Entry> ofCase(OpenCase c, int offset, int limit);

  long countOfCase(OpenCase c);
}
