package org.haetae.server.access;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.haetae.server.storage.AuditLog;

/**
 * A case its caller may see, opened by {@link CaseAccess#open} for one request: the way to the
 * case's folder, its title, its audit trail and every service that reads or reviews it. Nothing
 * outside this package can make one, so a handler that skips the access check does not compile.
 */
public final class OpenCase {
  private final UUID id;
  private final String title;
  private final Path folder;
  private final String who;
  private final AuditLog audit;

  OpenCase(UUID id, String title, Path folder, String who, AuditLog audit) {
    this.id = id;
    this.title = title;
    this.folder = folder;
    this.who = who;
    this.audit = audit;
  }

  public UUID id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The case's folder: vault, custody log, text index, reports. */
  public Path folder() {
    return folder;
  }

  /** The login of the person who opened it. */
  public String who() {
    return who;
  }

  /** Records in the audit trail that the person did {@code action} in this case. */
  public void audit(String action, String target) {
    audit.record(who, action, id, target);
  }

  /**
   * As {@link #audit(String, String)}, with details of the action.
   *
   * @param detail names to strings, numbers or booleans: never evidence content
   */
  public void audit(String action, String target, Map<String, ?> detail) {
    audit.record(who, action, id, target, detail);
  }
}
