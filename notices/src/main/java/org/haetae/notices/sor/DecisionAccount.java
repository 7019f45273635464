package org.haetae.notices.sor;

/** {@code decision_account}: suspension or termination of the account. */
public enum DecisionAccount {
  DECISION_ACCOUNT_SUSPENDED,
  DECISION_ACCOUNT_TERMINATED
}
