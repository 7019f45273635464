package org.haetae.cli.bank;

import java.nio.file.Path;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.UserInputException;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.BankNames;
import org.haetae.matching.store.BankStore;
import org.haetae.matching.store.FileBankStore;

/** Where the CLI keeps banks, and the checks every bank command makes on its arguments. */
public final class Banks {
  private Banks() {}

  public static BankStore store(DataDirOption dataDir) {
    return new FileBankStore(folder(dataDir.path()));
  }

  static Path folder(Path dataDir) {
    return dataDir.resolve("banks");
  }

  public static String name(String name) {
    try {
      return BankNames.check(name);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /** A format name, or null for {@code auto} when {@code autoAllowed}. */
  static BankFormat format(String id, boolean autoAllowed) {
    if (autoAllowed && id.equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return BankFormat.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
