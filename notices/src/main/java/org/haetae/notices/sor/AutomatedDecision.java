package org.haetae.notices.sor;

/** {@code automated_decision}: whether the decision was taken by automated means. */
public enum AutomatedDecision {
  AUTOMATED_DECISION_FULLY,
  AUTOMATED_DECISION_PARTIALLY,
  AUTOMATED_DECISION_NOT_AUTOMATED
}
