package org.haetae.analysis.result;

import java.util.List;

/**
 * One role of one account and why.
 *
 * @param reason a sentence a person can check against the cited messages
 * @param evidence the messages that earned the role, oldest first (bounded; {@code evidenceCount}
 *     says how many there were in all)
 */
public record RoleClaim(Role role, String reason, List<MessageRef> evidence, long evidenceCount) {
  public RoleClaim {
    evidence = List.copyOf(evidence);
  }
}
