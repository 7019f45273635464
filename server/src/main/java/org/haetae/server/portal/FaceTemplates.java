package org.haetae.server.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.haetae.server.storage.FaceTemplateStore;
import org.haetae.server.storage.ReportStore;
import org.springframework.beans.factory.annotation.Value;
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

  private final FaceTemplateStore store;
  private final ReportStore reports;
  private final TransactionTemplate tx;
  private final Path dataDir;
  private volatile SecretKey key;

  public FaceTemplates(
      FaceTemplateStore store,
      ReportStore reports,
      TransactionTemplate tx,
      @Value("${haetae.data-dir:${HAETAE_DATA_DIR:haetae-data}}") String dataDir) {
    this.store = store;
    this.reports = reports;
    this.tx = tx;
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
  }

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
            s ->
                switch (store.add(
                    report, model, sealed, photoSha256, consentText, by, MAX_PER_REPORT)) {
                  case FaceTemplateStore.Added.Full f -> throw new TooMany();
                  case FaceTemplateStore.Added.Duplicate d -> throw new AlreadyEnrolled();
                  case FaceTemplateStore.Added.Stored stored -> {
                    reports.event(report, "face_enrolled", null, true);
                    reports.touch(report);
                    yield stored.id();
                  }
                });
    return id == null ? -1 : id;
  }

  /** The report's templates, oldest first, without their numbers. */
  public List<FaceTemplateStore.Row> of(UUID report) {
    return store.of(report);
  }

  /** How many templates the report holds and when consent was last given (null when none). */
  public FaceTemplateStore.Summary summary(UUID report) {
    return store.summary(report);
  }

  /** Whether any report holds a template (scans load the face models only then). */
  public boolean any() {
    return store.any();
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
              int k = store.deleteAll(report);
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
    return store.sealed(report).stream()
        .map(t -> new Descriptor(t.model(), open(report, t.sealed())))
        .toList();
  }

  /**
   * Every report's templates as one in-memory face bank named {@link #BANK}: one person per report,
   * known by the report's reference (never the victim's name or login).
   */
  public FaceBank portalBank() {
    List<FaceTemplateStore.Enrolled> rows = store.all(MODEL);
    Map<String, List<FaceTemplateStore.Enrolled>> byReport = new LinkedHashMap<>();
    for (FaceTemplateStore.Enrolled s : rows) {
      byReport.computeIfAbsent(s.reference(), k -> new ArrayList<>()).add(s);
    }
    List<EnrolledPerson> people = new ArrayList<>();
    for (Map.Entry<String, List<FaceTemplateStore.Enrolled>> e : byReport.entrySet()) {
      List<EnrolledFace> faces = new ArrayList<>();
      for (FaceTemplateStore.Enrolled s : e.getValue()) {
        faces.add(
            new EnrolledFace(
                new Descriptor(s.model(), open(s.report(), s.sealed())),
                s.photoSha256(),
                1.0,
                s.createdAt()));
      }
      FaceTemplateStore.Enrolled last = e.getValue().getLast();
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
