package org.haetae.server.access;

import java.nio.file.Path;
import java.util.UUID;
import org.haetae.server.storage.AuditLog;

/** Opens a case without a request, for tests of what reads an {@link OpenCase}. */
public final class OpenCases {
  private OpenCases() {}

  public static OpenCase open(UUID id, String title, Path folder, String who, AuditLog audit) {
    return new OpenCase(id, title, folder, who, audit);
  }
}
