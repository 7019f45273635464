package org.haetae.notices;

/**
 * The person depicted, as she is identified to the platform. Her name is written into a notice only
 * with her consent; otherwise her pseudonym, otherwise a neutral phrase. Blank strings become null.
 *
 * @param name her name, or null
 * @param pseudonym the name to use instead (an account name the platform knows, initials), or null
 * @param minor true when she is under 18: the notice then concerns child sexual abuse material
 * @param consentToBeNamed true when she agreed to her name being given to the platform
 */
public record Victim(String name, String pseudonym, boolean minor, boolean consentToBeNamed) {
  public Victim {
    name = Strings.clean(name);
    pseudonym = Strings.clean(pseudonym);
  }

  /** How the notice refers to her. */
  public String shownAs(Language language) {
    if (consentToBeNamed && name != null) {
      return name;
    }
    if (pseudonym != null) {
      return pseudonym;
    }
    return language == Language.KO
        ? "피해자(성명 비공개)"
        : "the person depicted (name withheld at her request)";
  }
}
