package org.haetae.server.takedowns;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.haetae.notices.ContentLocation;
import org.haetae.notices.Language;
import org.haetae.notices.NoticeElement;
import org.haetae.notices.NoticeKind;
import org.haetae.notices.NoticeRequest;
import org.haetae.notices.Notifier;
import org.haetae.notices.Victim;
import org.haetae.pipeline.InputException;
import org.haetae.server.portal.ReportStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns a stored notice into the document the law asks for (module {@code notices}): who sends it
 * (the support centre, as configured), for whom (the victim by the report's reference, never her
 * name unless she agreed), where, why, signed by the staff member who sends it. Starts the clock.
 */
@Service
public class Takedowns {
  private final NoticeStore notices;
  private final NoticeClock clock;
  private final ReportStore reports;
  private final JdbcClient jdbc;
  private final String centre;
  private final String centreEmail;
  private final String centrePhone;

  public Takedowns(
      NoticeStore notices,
      NoticeClock clock,
      ReportStore reports,
      JdbcClient jdbc,
      @Value("${haetae.notifier.organisation:Haetae support centre}") String centre,
      @Value("${haetae.notifier.email:support@haetae.invalid}") String centreEmail,
      @Value("${haetae.notifier.phone:}") String centrePhone) {
    this.notices = notices;
    this.clock = clock;
    this.reports = reports;
    this.jdbc = jdbc;
    this.centre = centre;
    this.centreEmail = centreEmail;
    this.centrePhone = centrePhone;
  }

  /** The request the notice is written from, signed by {@code by}. */
  NoticeRequest request(NoticeStore.Notice n, String by) {
    ReportStore.Report r = reports.get(n.reportId());
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
        NoticeKind.valueOf(n.kind()),
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
    NoticeStore.Notice n = notices.get(id);
    check(id, by);
    NoticeKind kind = NoticeKind.valueOf(n.kind());
    notices.markSent(id, clock.window(kind), NoticeClock.statutory(kind), by);
  }

  public String text(UUID id) {
    NoticeStore.Notice n = notices.get(id);
    return NoticeClock.text(request(n, n.createdBy()));
  }

  public byte[] pdf(UUID id) {
    NoticeStore.Notice n = notices.get(id);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NoticeClock.pdf(request(n, n.createdBy()), out);
    return out.toByteArray();
  }

  /**
   * Keeps a platform's statement of reasons as it sent it, after checking it against the schema.
   */
  public void recordStatement(NoticeStore.Notice n, String json, String by) {
    NoticeClock.checkStatement(json);
    jdbc.sql(
            "insert into statements_of_reasons (id, notice_id, platform, body, recorded_by)"
                + " values (?,?,?,?::jsonb,?)")
        .params(UUID.randomUUID(), n.id(), n.platform(), json, by)
        .update();
    reports.event(n.reportId(), "statement_of_reasons", n.platform(), false);
  }
}
