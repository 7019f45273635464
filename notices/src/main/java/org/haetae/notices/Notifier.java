package org.haetae.notices;

import java.util.Objects;

/**
 * Who sends the notice. Blank strings become null.
 *
 * @param name the notifier's name (for a support centre: the person signing)
 * @param organisation the organisation she writes for, or null
 * @param email e-mail address for the platform's answer, or null
 * @param phone phone number, or null
 * @param role her relation to the person depicted
 * @param actingOnBehalfOf whom she is authorised to act for when she is not the person depicted
 *     (the victim's name or pseudonym as she wants it shown), or null
 */
public record Notifier(
    String name,
    String organisation,
    String email,
    String phone,
    Role role,
    String actingOnBehalfOf) {

  /** The notifier's relation to the person depicted. */
  public enum Role {
    VICTIM("the person depicted", "피해자 본인"),
    GUARDIAN("parent or legal guardian of the person depicted", "피해자의 법정대리인(보호자)"),
    SUPPORT_CENTRE("victim support centre", "피해자 지원기관"),
    TRUSTED_FLAGGER("trusted flagger (DSA Article 22)", "신뢰할 수 있는 신고자(DSA 제22조)");

    private final String en;
    private final String ko;

    Role(String en, String ko) {
      this.en = en;
      this.ko = ko;
    }

    public String label(Language language) {
      return language == Language.KO ? ko : en;
    }
  }

  public Notifier {
    Objects.requireNonNull(role, "role");
    name = Strings.clean(name);
    organisation = Strings.clean(organisation);
    email = Strings.clean(email);
    phone = Strings.clean(phone);
    actingOnBehalfOf = Strings.clean(actingOnBehalfOf);
  }

  /** The person depicted, writing for herself. */
  public static Notifier victim(String name, String email, String phone) {
    return new Notifier(name, null, email, phone, Role.VICTIM, null);
  }

  /** True when {@link #email()} looks like an e-mail address. */
  public boolean hasEmail() {
    return Strings.isEmail(email);
  }

  /** True when the platform can reach her: a valid e-mail address or a phone number. */
  public boolean reachable() {
    return hasEmail() || phone != null;
  }
}
