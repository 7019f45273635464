package org.haetae.server.storage;

import java.time.Instant;
import java.util.List;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.server.access.OpenCase;

/**
 * Reviewers' decisions on a case's roles and flags. Each is kept with who decided and when, and
 * audited in the same transaction; decisions on roles survive a new import of the case.
 */
public interface Reviews {
  /** A decision on an account's role. */
  record RoleDecision(
      String accountKey, Role role, Decision decision, String decidedBy, Instant decidedAt) {}

  /** A decision on a flagged message ({@code messageId} null for a message without one). */
  record FlagDecision(
      String chatKey,
      Long messageId,
      String category,
      String rule,
      Decision decision,
      String decidedBy,
      Instant decidedAt) {}

  /**
   * The person who opened the case decides on an account's role.
   *
   * @return false when the case has no such claim
   */
  boolean decideRole(OpenCase c, String account, Role role, Decision decision);

  /**
   * The person who opened the case decides on a flagged message.
   *
   * @return false when the case has no such flag
   */
  boolean decideFlag(OpenCase c, long flagId, Decision decision);

  /** Every decision on the case's roles, oldest first. */
  List<RoleDecision> roleDecisions(OpenCase c);

  /** Every decision on the case's flags, oldest first. */
  List<FlagDecision> flagDecisions(OpenCase c);

  /** A decided claim's cited message: what reviewers taught about one piece of evidence. */
  record DecidedCitation(Decision decision, MessageRef cited) {}

  /** Every message cited by a decided claim of {@code role} on the case. */
  List<DecidedCitation> decidedCitations(OpenCase c, Role role);
}
