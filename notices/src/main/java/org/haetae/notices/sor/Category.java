package org.haetae.notices.sor;

import java.util.Map;
import java.util.Optional;

/**
 * {@code category} and {@code category_addition}: the statement categories of schema v2. For
 * Haetae: {@link #STATEMENT_CATEGORY_CYBER_VIOLENCE}, {@link
 * #STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN} and, when the person depicted is a minor,
 * {@link #STATEMENT_CATEGORY_PROTECTION_OF_MINORS}.
 *
 * <p>Schema v1 names are read too: renamed ones become their v2 successor ({@link #parse}), and the
 * one retired without successor is kept but {@link #retired()}, so it is never written.
 */
public enum Category {
  STATEMENT_CATEGORY_ANIMAL_WELFARE,
  STATEMENT_CATEGORY_CONSUMER_INFORMATION,
  STATEMENT_CATEGORY_CYBER_VIOLENCE,
  STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN,
  STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS,
  STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH,
  STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS,
  STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS,
  STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE,
  STATEMENT_CATEGORY_PROTECTION_OF_MINORS,
  STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY,
  STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
  STATEMENT_CATEGORY_SELF_HARM,
  STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
  STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS,
  STATEMENT_CATEGORY_VIOLENCE,
  /** Schema v1 only, removed in v2 without successor: read, never written. */
  STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT(true);

  /** Schema v1 names and their v2 successors. */
  static final Map<String, Category> V1_RENAMED =
      Map.of(
          "STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR", STATEMENT_CATEGORY_CYBER_VIOLENCE,
          "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE", STATEMENT_CATEGORY_OTHER_VIOLATION_TC,
          "STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS",
              STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS);

  private final boolean retired;

  Category() {
    this(false);
  }

  Category(boolean retired) {
    this.retired = retired;
  }

  /** True for a schema v1 value that v2 dropped without successor. */
  public boolean retired() {
    return retired;
  }

  /** The category named {@code value} in schema v2 or v1 (v1 renames give their successor). */
  public static Optional<Category> parse(String value) {
    for (Category c : values()) {
      if (c.name().equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.ofNullable(V1_RENAMED.get(value));
  }
}
