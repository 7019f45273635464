package org.haetae.matching.bank;

import java.util.regex.Pattern;

/** Bank names are also folder and table-key names, so they are kept to a safe alphabet. */
public final class BankNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private BankNames() {}

  /**
   * @throws IllegalArgumentException saying what a bank name may contain
   */
  public static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "bad bank name '"
              + name
              + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }
}
