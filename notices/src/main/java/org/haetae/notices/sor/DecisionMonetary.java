package org.haetae.notices.sor;

/** {@code decision_monetary}: suspension, termination or other restriction of monetary payments. */
public enum DecisionMonetary {
  DECISION_MONETARY_SUSPENSION,
  DECISION_MONETARY_TERMINATION,
  DECISION_MONETARY_OTHER
}
