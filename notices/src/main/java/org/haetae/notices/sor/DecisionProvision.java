package org.haetae.notices.sor;

/** {@code decision_provision}: suspension or termination of the provision of the service. */
public enum DecisionProvision {
  DECISION_PROVISION_PARTIAL_SUSPENSION,
  DECISION_PROVISION_TOTAL_SUSPENSION,
  DECISION_PROVISION_PARTIAL_TERMINATION,
  DECISION_PROVISION_TOTAL_TERMINATION
}
