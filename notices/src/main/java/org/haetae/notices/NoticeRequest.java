package org.haetae.notices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a notice is made from. Blank strings become null.
 *
 * @param kind the notice to write
 * @param notifier who sends it
 * @param victim the person depicted
 * @param locations the reported items, at least one
 * @param explanation why the content is illegal and not consensual, in the notifier's words (DSA:
 *     the substantiated explanation; TAKE IT DOWN: the supporting information; KR: 피해 내용)
 * @param signature the signature as typed by the notifier ({@code "/s/ Jane Doe"} or her name), or
 *     null
 * @param signedOn the date of the signature, or null
 * @param language the language of the notice; a Korean request is always written in Korean, and
 *     {@link Language#EN} adds an English summary to it
 * @param reportReference Haetae's case or report reference to quote, or null
 * @param confirmed true when the notifier has confirmed the statement the notice makes in her name
 *     (DSA: bona fide belief that it is accurate and complete; TAKE IT DOWN: good-faith belief that
 *     the depiction is not consensual; KR: that the request is true)
 */
public record NoticeRequest(
    NoticeKind kind,
    Notifier notifier,
    Victim victim,
    List<ContentLocation> locations,
    String explanation,
    String signature,
    LocalDate signedOn,
    Language language,
    String reportReference,
    boolean confirmed) {

  public NoticeRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(victim, "victim");
    Objects.requireNonNull(language, "language");
    locations = locations == null ? List.of() : List.copyOf(locations);
    explanation = Strings.clean(explanation);
    signature = Strings.clean(signature);
    reportReference = Strings.clean(reportReference);
  }

  /** The same request for another kind of notice. */
  public NoticeRequest withKind(NoticeKind other) {
    return new NoticeRequest(
        other,
        notifier,
        victim,
        locations,
        explanation,
        signature,
        signedOn,
        language,
        reportReference,
        confirmed);
  }

  /** {@link #validate(NoticeKind)} for this request's own kind. */
  public List<NoticeElement> validate() {
    return validate(kind);
  }

  /**
   * The required elements of a {@code target} notice that this request lacks, in the order of
   * {@link NoticeKind#requiredElements()}; empty when a notice can be written.
   */
  public List<NoticeElement> validate(NoticeKind target) {
    List<NoticeElement> missing = new ArrayList<>();
    for (NoticeElement e : target.requiredElements()) {
      if (!present(e)) {
        missing.add(e);
      }
    }
    return List.copyOf(missing);
  }

  private boolean present(NoticeElement e) {
    return switch (e) {
      case EXPLANATION, SUPPORTING_INFORMATION, HARM_DESCRIPTION -> explanation != null;
      case EXACT_URL ->
          !locations.isEmpty() && locations.stream().allMatch(ContentLocation::hasExactUrl);
      // Art. 16(2)(c): not required for notices of child sexual abuse offences.
      case NOTIFIER_NAME -> victim.minor() || notifier.name() != null;
      case NOTIFIER_EMAIL -> victim.minor() || notifier.hasEmail();
      case BONA_FIDE_STATEMENT, GOOD_FAITH_STATEMENT -> confirmed;
      case SIGNATURE -> signature != null && signedOn != null;
      case AUTHORISATION ->
          notifier.role() == Notifier.Role.VICTIM || notifier.actingOnBehalfOf() != null;
      case IDENTIFICATION ->
          !locations.isEmpty()
              && locations.stream().allMatch(l -> l.description() != null || l.hasHash());
      case CONTACT_INFORMATION, REQUESTER -> notifier.name() != null && notifier.reachable();
      case REMOVAL_WITHIN_48_HOURS, IDENTICAL_COPIES, REMOVAL_REQUEST, LEGAL_BASIS -> true;
    };
  }
}
