package org.haetae.notices;

import static org.haetae.notices.NoticeElement.AUTHORISATION;
import static org.haetae.notices.NoticeElement.BONA_FIDE_STATEMENT;
import static org.haetae.notices.NoticeElement.CONTACT_INFORMATION;
import static org.haetae.notices.NoticeElement.EXACT_URL;
import static org.haetae.notices.NoticeElement.EXPLANATION;
import static org.haetae.notices.NoticeElement.GOOD_FAITH_STATEMENT;
import static org.haetae.notices.NoticeElement.HARM_DESCRIPTION;
import static org.haetae.notices.NoticeElement.IDENTICAL_COPIES;
import static org.haetae.notices.NoticeElement.IDENTIFICATION;
import static org.haetae.notices.NoticeElement.LEGAL_BASIS;
import static org.haetae.notices.NoticeElement.NOTIFIER_EMAIL;
import static org.haetae.notices.NoticeElement.NOTIFIER_NAME;
import static org.haetae.notices.NoticeElement.REMOVAL_REQUEST;
import static org.haetae.notices.NoticeElement.REMOVAL_WITHIN_48_HOURS;
import static org.haetae.notices.NoticeElement.REQUESTER;
import static org.haetae.notices.NoticeElement.SIGNATURE;
import static org.haetae.notices.NoticeElement.SUPPORTING_INFORMATION;

import java.util.List;

/** The notices Haetae writes, each with the elements the law (or the receiving body) requires. */
public enum NoticeKind {
  /** EU Digital Services Act (Regulation (EU) 2022/2065) Article 16 notice to a hosting service. */
  DSA_ART16(
      List.of(EXPLANATION, EXACT_URL, NOTIFIER_NAME, NOTIFIER_EMAIL, BONA_FIDE_STATEMENT),
      "DSA Article 16 notice",
      "DSA 제16조 신고"),

  /** US TAKE IT DOWN Act removal request to a covered platform. */
  TAKE_IT_DOWN(
      List.of(
          SIGNATURE,
          AUTHORISATION,
          IDENTIFICATION,
          EXACT_URL,
          GOOD_FAITH_STATEMENT,
          SUPPORTING_INFORMATION,
          CONTACT_INFORMATION,
          REMOVAL_WITHIN_48_HOURS,
          IDENTICAL_COPIES),
      "TAKE IT DOWN Act removal request",
      "TAKE IT DOWN 법 삭제 요청"),

  /**
   * Korean request (always in Korean) to the Korea Communications Standards Commission or a
   * platform's hotline, citing Article 14-2 of the Sexual Violence Punishment Act (허위영상물).
   */
  KR_KCSC(
      List.of(REQUESTER, EXACT_URL, HARM_DESCRIPTION, REMOVAL_REQUEST, LEGAL_BASIS),
      "Korean removal and blocking request (KCSC)",
      "허위영상물 삭제·차단 요청");

  private final List<NoticeElement> required;
  private final String labelEn;
  private final String labelKo;

  NoticeKind(List<NoticeElement> required, String labelEn, String labelKo) {
    this.required = required;
    this.labelEn = labelEn;
    this.labelKo = labelKo;
  }

  /** Every element a notice of this kind must contain, in the order the notice presents them. */
  public List<NoticeElement> requiredElements() {
    return required;
  }

  public String label(Language language) {
    return language == Language.KO ? labelKo : labelEn;
  }
}
