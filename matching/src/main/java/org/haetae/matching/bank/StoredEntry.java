package org.haetae.matching.bank;

/**
 * An entry as the bank keeps it.
 *
 * @param id the entry's number in its bank, 1, 2, 3... in import order; never reused
 * @param provenance the import that added it
 */
public record StoredEntry(long id, BankEntry entry, Provenance provenance) {}
