package org.haetae.server.takedowns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.ContentLocation;
import org.haetae.notices.IncompleteNoticeException;
import org.haetae.notices.Language;
import org.haetae.notices.NoticeElement;
import org.haetae.notices.NoticeKind;
import org.haetae.notices.NoticeRequest;
import org.haetae.notices.NoticeWriter;
import org.haetae.notices.Notifier;
import org.haetae.notices.Victim;
import org.haetae.notices.sor.AutomatedDecision;
import org.haetae.notices.sor.Category;
import org.haetae.notices.sor.ContentType;
import org.haetae.notices.sor.DecisionGround;
import org.haetae.notices.sor.DecisionVisibility;
import org.haetae.notices.sor.InvalidStatementException;
import org.haetae.notices.sor.Keyword;
import org.haetae.notices.sor.SorJson;
import org.haetae.notices.sor.SourceType;
import org.haetae.notices.sor.StatementOfReasons;
import org.haetae.pipeline.InputException;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.NoticeStore.Notice;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.web.Missing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Turns a stored notice into the document the law asks for (module {@code notices}): who sends it
 * (the support centre, as configured), for whom (the victim by the report's reference, never her
 * name unless she agreed), where, why, signed by the staff member who sends it. Starts the clock.
 */
@Service
public class Takedowns {
  private final Notices notices;
  private final NoticeStore store;
  private final ReportStore reports;
  private final String centre;
  private final String centreEmail;
  private final String centrePhone;

  public Takedowns(
      Notices notices,
      NoticeStore store,
      ReportStore reports,
      @Value("${haetae.notifier.organisation:Haetae support centre}") String centre,
      @Value("${haetae.notifier.email:support@haetae.invalid}") String centreEmail,
      @Value("${haetae.notifier.phone:}") String centrePhone) {
    this.notices = notices;
    this.store = store;
    this.reports = reports;
    this.centre = centre;
    this.centreEmail = centreEmail;
    this.centrePhone = centrePhone;
  }

  /** The request the notice is written from, signed by {@code by}. */
  NoticeRequest request(Notice n, String by) {
    ReportStore.Report r = report(n);
    Notifier notifier =
        new Notifier(
            by,
            centre,
            centreEmail,
            centrePhone.isBlank() ? null : centrePhone,
            Notifier.Role.SUPPORT_CENTRE,
            r.reference());
    Victim victim = new Victim(null, r.reference(), r.minor(), false);
    // Each item is identified by a description and, where the victim registered pictures, by
    // their hashes, so the platform can also find identical copies.
    List<ReportStore.HashRow> hashes =
        reports.hashes(n.reportId()).stream().filter(h -> h.withdrawnAt() == null).toList();
    String pdq =
        hashes.stream()
            .map(ReportStore.HashRow::pdq)
            .filter(h -> h != null)
            .findFirst()
            .orElse(null);
    String md5 =
        hashes.stream()
            .map(ReportStore.HashRow::md5)
            .filter(h -> h != null)
            .findFirst()
            .orElse(null);
    String description =
        Language.of(n.language()) == Language.KO
            ? "신고 " + r.reference() + "의 피해자를 묘사한 성적 이미지(허위영상물 포함)"
            : "Sexual image depicting the person of report "
                + r.reference()
                + " (including AI-generated imagery)";
    List<ContentLocation> where =
        n.urls().stream()
            .map(u -> new ContentLocation(u, n.platform(), description, null, pdq, md5))
            .toList();
    return new NoticeRequest(
        n.kind(),
        notifier,
        victim,
        where,
        n.explanation(),
        by,
        LocalDate.now(ZoneOffset.UTC),
        Language.of(n.language()),
        r.reference(),
        true);
  }

  /** Refuses a notice that lacks what the law requires, naming what is missing. */
  public void check(UUID id, String by) {
    List<NoticeElement> missing = request(notices.get(id), by).validate();
    if (!missing.isEmpty()) {
      throw new InputException(
          "the notice lacks: "
              + String.join(", ", missing.stream().map(NoticeElement::toString).toList()));
    }
  }

  /** Marks the notice sent and starts its clock (48 h by statute for TAKE IT DOWN). */
  public void send(UUID id, String by) {
    check(id, by);
    notices.markSent(id);
  }

  /** The notice as e-mail-ready text, signed by whoever drafted it. */
  public String text(UUID id) {
    Notice n = notices.get(id);
    try {
      return NoticeWriter.text(request(n, n.createdBy()));
    } catch (IncompleteNoticeException e) {
      throw new InputException(e.getMessage());
    }
  }

  /** The notice as PDF, signed by whoever drafted it. */
  public byte[] pdf(UUID id) {
    Notice n = notices.get(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      NoticeWriter.pdf(request(n, n.createdBy()), out);
    } catch (IncompleteNoticeException e) {
      throw new InputException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private ReportStore.Report report(Notice n) {
    return reports.find(n.reportId()).orElseThrow(() -> Missing.no("report"));
  }

  /**
   * A statement of reasons for a platform to file with the DSA Transparency Database after it
   * removed content on this notice: filled from the notice, in the schema's JSON.
   *
   * @param puid the platform's own id of the item
   * @param scope territorial scope (EU, EEA or EEA country codes)
   */
  public String statementFor(UUID id, String puid, List<String> scope) {
    Notice n = notices.get(id);
    if (!n.status().equals("removed") || n.removedAt() == null) {
      throw new InputException(
          "a statement of reasons follows a decision: record the removal first");
    }
    ReportStore.Report r = report(n);
    StatementOfReasons sor =
        StatementOfReasons.builder()
            .decisionVisibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED)
            .decisionGround(DecisionGround.DECISION_GROUND_ILLEGAL_CONTENT)
            .illegalContentLegalGround(
                "Non-consensual intimate imagery, including synthetic (deepfake) imagery")
            .illegalContentExplanation(n.explanation())
            .contentType(ContentType.CONTENT_TYPE_IMAGE, ContentType.CONTENT_TYPE_SYNTHETIC_MEDIA)
            .category(
                r.minor()
                    ? Category.STATEMENT_CATEGORY_PROTECTION_OF_MINORS
                    : Category.STATEMENT_CATEGORY_CYBER_VIOLENCE)
            .categorySpecification(
                r.minor()
                    ? Keyword.KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE
                    : Keyword.KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE)
            .sourceType(
                n.kind() == NoticeKind.DSA_ART16
                    ? SourceType.SOURCE_ARTICLE_16
                    : SourceType.SOURCE_TYPE_OTHER_NOTIFICATION)
            .automatedDetection(false)
            .automatedDecision(AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED)
            .decisionFacts(
                "Removed after a notice from a victim support centre (" + n.kind() + ").")
            .applicationDate(LocalDate.ofInstant(n.removedAt(), ZoneOffset.UTC))
            // When it was posted, as far as the victim knows; else when it was reported.
            .contentDate(
                r.happenedOn() != null
                    ? r.happenedOn()
                    : LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC))
            .territorialScope(scope)
            .puid(puid)
            .url(n.urls().isEmpty() ? null : n.urls().get(0))
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SorJson.write(sor, out);
    } catch (InvalidStatementException e) {
      throw new InputException("statement of reasons: " + String.join("; ", e.problems()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Keeps a platform's statement of reasons as it sent it, after checking it against the schema.
   */
  public void recordStatement(Notice n, String json, String by) {
    checkStatement(json);
    store.addStatement(n.id(), n.platform(), json, by);
    reports.event(n.reportId(), "statement_of_reasons", n.platform(), false);
  }

  /** Refuses a statement that does not follow the Transparency Database schema, naming why. */
  static void checkStatement(String json) {
    try {
      SorJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (InvalidStatementException e) {
      throw new InputException("statement of reasons: " + String.join("; ", e.problems()));
    } catch (IOException e) {
      throw new InputException("statement of reasons: not JSON (" + e.getMessage() + ")");
    }
  }
}
