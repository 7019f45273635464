package org.haetae.matching.store;

/** A command named a bank that does not exist; the message is meant for the user. */
public final class NoSuchBankException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public NoSuchBankException(String bank) {
    super("no bank named '" + bank + "' (see 'haetae bank list')");
  }
}
