package org.haetae.notices.sor;

import java.util.Set;

/**
 * The values {@code territorial_scope} takes: the country codes of the EEA (the EU's 27 and
 * Iceland, Liechtenstein, Norway), and {@code EU}, {@code EEA}, {@code EEA_no_IS} for the groups.
 */
public final class TerritorialScope {
  /** The EU member states. */
  public static final Set<String> EU =
      Set.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  /** The EEA states outside the EU. */
  public static final Set<String> EEA_ONLY = Set.of("IS", "LI", "NO");

  /** The group names. */
  public static final Set<String> GROUPS = Set.of("EU", "EEA", "EEA_no_IS");

  private TerritorialScope() {}

  public static boolean valid(String value) {
    return EU.contains(value) || EEA_ONLY.contains(value) || GROUPS.contains(value);
  }
}
