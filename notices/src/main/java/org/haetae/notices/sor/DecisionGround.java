package org.haetae.notices.sor;

/**
 * {@code decision_ground}: illegal content, or content incompatible with the terms and conditions.
 */
public enum DecisionGround {
  DECISION_GROUND_ILLEGAL_CONTENT,
  DECISION_GROUND_INCOMPATIBLE_CONTENT
}
