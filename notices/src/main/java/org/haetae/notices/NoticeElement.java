package org.haetae.notices;

/**
 * A required element of a notice (see {@link NoticeKind#requiredElements()}). Some come from the
 * request and can be missing; the others are fixed text the writer always adds ({@link
 * #fromRequest()} false).
 */
public enum NoticeElement {
  /** DSA Art. 16(2)(a). */
  EXPLANATION(
      true,
      "a sufficiently substantiated explanation of why the content is illegal",
      "불법성에 대한 충분한 설명"),
  /** DSA Art. 16(2)(b); TAKE IT DOWN: information sufficient to locate it; KR: 피해 게시물 URL. */
  EXACT_URL(true, "the exact URL (http or https) of every reported item", "피해 게시물의 정확한 URL"),
  /** DSA Art. 16(2)(c), not required for child sexual abuse notices (the victim is a minor). */
  NOTIFIER_NAME(true, "the notifier's name", "신고인 성명"),
  /** DSA Art. 16(2)(c), not required for child sexual abuse notices (the victim is a minor). */
  NOTIFIER_EMAIL(true, "the notifier's e-mail address", "신고인 이메일 주소"),
  /** DSA Art. 16(2)(d): the notifier confirmed it ({@link NoticeRequest#confirmed()}). */
  BONA_FIDE_STATEMENT(
      true,
      "the notifier's confirmation of her bona fide belief that the notice is accurate and complete",
      "신고 내용이 정확하고 완전하다는 선의의 확인"),
  /** TAKE IT DOWN: physical or electronic signature, with its date. */
  SIGNATURE(
      true,
      "the signature (text and date) of the identifiable individual or of a person authorised to"
          + " act on her behalf",
      "피해자 본인 또는 권한 있는 대리인의 서명(이름과 날짜)"),
  /** TAKE IT DOWN: a notifier other than the victim says whom she is authorised to act for. */
  AUTHORISATION(
      true,
      "the person a notifier other than the depicted individual is authorised to act for",
      "대리인이 대리하는 사람"),
  /** TAKE IT DOWN: an identification of the depiction (a description or a hash of each item). */
  IDENTIFICATION(
      true,
      "an identification of every depiction (a description or a hash)",
      "각 게시물의 식별 정보(설명 또는 해시값)"),
  /** TAKE IT DOWN: good-faith belief that the depiction is not consensual, confirmed. */
  GOOD_FAITH_STATEMENT(
      true,
      "the requester's confirmation of her good-faith belief that the depiction is not consensual",
      "동의 없는 게시물이라는 선의의 확인"),
  /** TAKE IT DOWN: information supporting the good-faith statement. */
  SUPPORTING_INFORMATION(
      true, "information supporting the good-faith statement", "선의의 확인을 뒷받침하는 정보"),
  /** TAKE IT DOWN: contact information of the requester. */
  CONTACT_INFORMATION(
      true,
      "contact information: the requester's name and an e-mail address or phone number",
      "연락처: 요청인 성명과 이메일 주소 또는 전화번호"),
  /** TAKE IT DOWN: the platform must remove within 48 hours (always written). */
  REMOVAL_WITHIN_48_HOURS(
      false, "the platform's obligation to remove the depiction within 48 hours", "48시간 이내 삭제 의무"),
  /** TAKE IT DOWN: reasonable efforts to remove known identical copies (always written). */
  IDENTICAL_COPIES(
      false,
      "the request to remove known identical copies, with their hashes",
      "동일한 복제물(해시값) 삭제 요청"),
  /** KR: 요청인, name and a phone number or e-mail address. */
  REQUESTER(true, "the requester (요청인): name and a phone number or e-mail address", "요청인(성명과 연락처)"),
  /** KR: 피해 내용. */
  HARM_DESCRIPTION(true, "a description of the harm (피해 내용)", "피해 내용"),
  /** KR: 삭제·차단 요청 취지 (always written). */
  REMOVAL_REQUEST(false, "what is requested: removal and blocking (삭제·차단 요청 취지)", "삭제·차단 요청 취지"),
  /** KR: 근거 법령, 성폭력처벌법 제14조의2 (always written). */
  LEGAL_BASIS(false, "the legal basis (근거 법령)", "근거 법령");

  private final boolean fromRequest;
  private final String labelEn;
  private final String labelKo;

  NoticeElement(boolean fromRequest, String labelEn, String labelKo) {
    this.fromRequest = fromRequest;
    this.labelEn = labelEn;
    this.labelKo = labelKo;
  }

  /** True when the element comes from the request and can be missing from it. */
  public boolean fromRequest() {
    return fromRequest;
  }

  public String label(Language language) {
    return language == Language.KO ? labelKo : labelEn;
  }
}
