package org.haetae.notices.sor;

/** {@code account_type}: the kind of account the decision concerns. */
public enum AccountType {
  ACCOUNT_TYPE_BUSINESS,
  ACCOUNT_TYPE_PRIVATE
}
