package org.haetae.cli.face;

import java.nio.file.Path;
import org.haetae.cli.DataDirOption;
import org.haetae.cli.UserInputException;
import org.haetae.faces.bank.FaceBanks;
import org.haetae.pipeline.keys.Keys;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --bank} and where face banks live: {@code DATA_DIR/faces}, sealed with the vault key. */
public final class FaceBankOption {
  @Mixin DataDirOption dataDir;

  @Option(
      names = "--bank",
      paramLabel = "BANK",
      defaultValue = "victims",
      description = "Face bank name (default: ${DEFAULT-VALUE}).")
  String bank;

  String name() {
    try {
      return FaceBanks.checkName(bank);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  /** The data directory's face banks. */
  public static FaceBanks banks(Path dataDir, boolean create) {
    Keys keys = Keys.load(dataDir, null, create);
    if (keys.vault() == null) {
      throw new UserInputException(
          "no vault key under "
              + dataDir
              + ": there are no face banks yet (see 'haetae face enrol')");
    }
    return new FaceBanks(dataDir.resolve("faces"), keys.vault().secretKey());
  }

  FaceBanks banks(boolean create) {
    return banks(dataDir.path(), create);
  }
}
