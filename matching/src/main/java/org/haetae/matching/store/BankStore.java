package org.haetae.matching.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankInfo;
import org.haetae.matching.bank.Provenance;
import org.haetae.matching.bank.StoredEntry;

/**
 * Durable home of the banks. The CLI uses {@link FileBankStore} under the data directory; the
 * server will implement this over PostgreSQL. Implementations must keep the two promises of {@link
 * #append}: atomic and idempotent.
 */
public interface BankStore {

  List<BankInfo> list() throws IOException;

  Optional<BankInfo> find(String bank) throws IOException;

  /**
   * Adds the entries {@code producer} hands over, creating the bank when it is new. Atomic: if the
   * producer or the store fails (or the process dies) before the method returns, the bank is as it
   * was. Idempotent: an entry whose {@link BankEntry#key() key} the bank already holds, or that
   * appeared earlier in the same batch, is counted as a duplicate and not added.
   */
  AppendResult append(String bank, Provenance provenance, EntryProducer producer)
      throws IOException;

  /**
   * Streams the bank's entries in id order.
   *
   * @throws NoSuchBankException when there is no such bank
   */
  void forEach(String bank, Consumer<StoredEntry> consumer) throws IOException;

  /**
   * @throws NoSuchBankException when there is no such bank
   */
  void setEnabled(String bank, boolean enabled) throws IOException;

  /** Deletes the bank and all its entries; false if there was none. */
  boolean remove(String bank) throws IOException;

  /** Hands entries to the store one at a time, so a large file never sits in memory whole. */
  @FunctionalInterface
  interface EntryProducer {
    void produce(Consumer<BankEntry> sink) throws IOException;
  }

  /**
   * @param firstId the id given to the first added entry (ids run on from there)
   */
  record AppendResult(long added, long duplicates, long firstId) {}
}
