package org.haetae.server.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.haetae.faces.bank.Consent;
import org.haetae.faces.bank.EnrolledFace;
import org.haetae.faces.bank.EnrolledPerson;
import org.haetae.faces.bank.FaceBank;
import org.haetae.faces.bank.Sealing;
import org.haetae.faces.embed.Descriptor;
import org.haetae.faces.models.BundledModel;
import org.haetae.pipeline.keys.Keys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Face templates victims enrol on their reports ("protect my face"): computed in her browser from
 * her photos (the photos never reach the service), kept encrypted with the data folder's vault key
 * and only with her recorded consent, deleted when she withdraws. Scans started from the service
 * look for them through {@link #portalBank()}.
 *
 * <p>The numbers are decrypted only to build that bank; no page, no API answer and no log carries
 * them.
 */
@Service
public class FaceTemplates {
  /** The one model whose templates are accepted: what the scan's face stage computes. */
  public static final String MODEL = BundledModel.FACE_API_RECOGNITION.id();

  /** The length of a template of {@link #MODEL}. */
  public static final int LENGTH = 128;

  /** The name of the face bank scans search, built from every report's templates. */
  public static final String BANK = "portal";

  /** Most templates one report may hold (a handful of photos is enough; this bounds misuse). */
  public static final int MAX_PER_REPORT = 20;

  private static final String AAD_PREFIX = "haetae-report-face/1\n";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ReportStore reports;
  private final Path dataDir;
  private volatile SecretKey key;

  public FaceTemplates(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ReportStore reports,
      @Value("${haetae.data-dir:${HAETAE_DATA_DIR:haetae-data}}") String dataDir) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.reports = reports;
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** A template as its owner and the staff see it: never the numbers. */
  public record Row(
      long id, String model, Instant createdAt, String consentBy, Instant consentAt) {}

  /** What the support desk is told: how many, and when consent was last recorded. */
  public record Summary(int count, Instant consentAt) {}

  /** Thrown when the photo's template is already held for this report. */
  public static final class AlreadyEnrolled extends RuntimeException {
    AlreadyEnrolled() {
      super("this photo is already protected");
    }
  }

  /** Thrown when the report holds {@link #MAX_PER_REPORT} templates. */
  public static final class TooMany extends RuntimeException {
    TooMany() {
      super("at most " + MAX_PER_REPORT + " face templates per report");
    }
  }

  /**
   * Stores one template, encrypted, with the consent as recorded; the caller has checked who she is
   * and validated the numbers.
   *
   * @return the new template's id
   */
  public long add(
      UUID report,
      String model,
      float[] descriptor,
      String photoSha256,
      String consentText,
      String by) {
    byte[] sealed = seal(report, descriptor);
    Long id =
        tx.execute(
            s -> {
              // One report at a time: the count and the duplicate check hold until commit.
              jdbc.sql("select id from reports where id = ? for update")
                  .param(report)
                  .query()
                  .listOfRows();
              long n =
                  jdbc.sql("select count(*) from report_faces where report_id = ?")
                      .param(report)
                      .query(Long.class)
                      .single();
              if (n >= MAX_PER_REPORT) {
                throw new TooMany();
              }
              if (photoSha256 != null
                  && jdbc.sql(
                              "select count(*) from report_faces where report_id = ? and"
                                  + " photo_sha256 = ?")
                          .params(report, photoSha256)
                          .query(Long.class)
                          .single()
                      > 0) {
                throw new AlreadyEnrolled();
              }
              long out =
                  jdbc.sql(
                          "insert into report_faces (report_id, model, descriptor, photo_sha256,"
                              + " consent_text, consent_by, consent_at) values (?,?,?,?,?,?,now())"
                              + " returning id")
                      .params(report, model, sealed, photoSha256, consentText, by)
                      .query(Long.class)
                      .single();
              reports.event(report, "face_enrolled", null, true);
              reports.touch(report);
              return out;
            });
    return id == null ? -1 : id;
  }

  /** The report's templates, oldest first, without their numbers. */
  public List<Row> of(UUID report) {
    return jdbc.sql(
            "select id, model, created_at, consent_by, consent_at from report_faces"
                + " where report_id = ? order by id")
        .param(report)
        .query(
            (r, i) ->
                new Row(
                    r.getLong(1),
                    r.getString(2),
                    r.getTimestamp(3).toInstant(),
                    r.getString(4),
                    r.getTimestamp(5).toInstant()))
        .list();
  }

  /** How many templates the report holds and when consent was last given (null when none). */
  public Summary summary(UUID report) {
    return jdbc.sql("select count(*), max(consent_at) from report_faces where report_id = ?")
        .param(report)
        .query(
            (r, i) ->
                new Summary(
                    r.getInt(1), r.getTimestamp(2) == null ? null : r.getTimestamp(2).toInstant()))
        .single();
  }

  /** Whether any report holds a template (scans load the face models only then). */
  public boolean any() {
    return jdbc.sql("select exists (select 1 from report_faces)").query(Boolean.class).single();
  }

  /**
   * Deletes every template of the report (the rows, not a mark: nothing of the numbers is kept).
   *
   * @return how many were deleted
   */
  public int withdrawAll(UUID report) {
    Integer n =
        tx.execute(
            s -> {
              int k =
                  jdbc.sql("delete from report_faces where report_id = ?").param(report).update();
              if (k > 0) {
                reports.event(report, "faces_withdrawn", Integer.toString(k), true);
                reports.touch(report);
              }
              return k;
            });
    return n == null ? 0 : n;
  }

  /** The report's templates, decrypted: for the scan's bank and for tests, never for a page. */
  public List<Descriptor> descriptors(UUID report) {
    return jdbc.sql("select model, descriptor from report_faces where report_id = ? order by id")
        .param(report)
        .query((r, i) -> new Descriptor(r.getString(1), open(report, r.getBytes(2))))
        .list();
  }

  /**
   * Every report's templates as one in-memory face bank named {@link #BANK}: one person per report,
   * known by the report's reference (never the victim's name or login).
   */
  public FaceBank portalBank() {
    record Stored(
        UUID report,
        String reference,
        String model,
        byte[] sealed,
        String photo,
        String consentText,
        String consentBy,
        Instant consentAt,
        Instant createdAt) {}
    List<Stored> rows =
        jdbc.sql(
                "select f.report_id, r.reference, f.model, f.descriptor, f.photo_sha256,"
                    + " f.consent_text, f.consent_by, f.consent_at, f.created_at"
                    + " from report_faces f join reports r on r.id = f.report_id"
                    + " where f.model = ? order by r.reference, f.id")
            .param(MODEL)
            .query(
                (r, i) ->
                    new Stored(
                        r.getObject(1, UUID.class),
                        r.getString(2),
                        r.getString(3),
                        r.getBytes(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getTimestamp(8).toInstant(),
                        r.getTimestamp(9).toInstant()))
            .list();
    Map<String, List<Stored>> byReport = new LinkedHashMap<>();
    for (Stored s : rows) {
      byReport.computeIfAbsent(s.reference(), k -> new ArrayList<>()).add(s);
    }
    List<EnrolledPerson> people = new ArrayList<>();
    for (Map.Entry<String, List<Stored>> e : byReport.entrySet()) {
      List<EnrolledFace> faces = new ArrayList<>();
      for (Stored s : e.getValue()) {
        faces.add(
            new EnrolledFace(
                new Descriptor(s.model(), open(s.report(), s.sealed())),
                s.photo(),
                1.0,
                s.createdAt()));
      }
      Stored last = e.getValue().getLast();
      people.add(
          new EnrolledPerson(
              e.getKey(),
              e.getKey(),
              new Consent(
                  "consent of the person, given in the portal: " + last.consentText(),
                  last.consentBy(),
                  last.consentAt()),
              e.getValue().getFirst().createdAt(),
              faces));
    }
    return new FaceBank(BANK, people);
  }

  // ---- encryption at rest ----

  private SecretKey key() {
    SecretKey k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = Keys.load(dataDir, null, true).vault().secretKey();
        }
        k = key;
      }
    }
    return k;
  }

  private static byte[] aad(UUID report) {
    return (AAD_PREFIX + report).getBytes(StandardCharsets.UTF_8);
  }

  byte[] seal(UUID report, float[] descriptor) {
    ByteBuffer plain = ByteBuffer.allocate(descriptor.length * 4);
    for (float v : descriptor) {
      plain.putFloat(v);
    }
    return Sealing.seal(key(), aad(report), plain.array());
  }

  float[] open(UUID report, byte[] sealed) {
    try {
      ByteBuffer plain = ByteBuffer.wrap(Sealing.open(key(), aad(report), sealed, 0));
      float[] out = new float[plain.remaining() / 4];
      for (int i = 0; i < out.length; i++) {
        out[i] = plain.getFloat();
      }
      return out;
    } catch (AEADBadTagException e) {
      // Names the report only: a wrong vault key, or a row moved to another report.
      throw new IllegalStateException(
          "a face template of report " + report + " cannot be opened with this vault key");
    }
  }
}
