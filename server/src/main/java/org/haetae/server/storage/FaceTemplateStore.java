package org.haetae.server.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Face templates victims enrol on their reports, sealed (encrypted) before they reach the store,
 * with the consent she gave. Withdrawing deletes them.
 */
public interface FaceTemplateStore {
  /** A template as its owner and the staff see it: never the numbers. */
  record Row(long id, String model, Instant createdAt, String consentBy, Instant consentAt) {}

  /** What the support desk is told: how many, and when consent was last recorded. */
  record Summary(int count, Instant consentAt) {}

  /** A sealed template of one report. */
  record Sealed(String model, byte[] sealed) {}

  /** A sealed template with what the portal's face bank needs of its report. */
  record Enrolled(
      UUID report,
      String reference,
      String model,
      byte[] sealed,
      String photoSha256,
      String consentText,
      String consentBy,
      Instant consentAt,
      Instant createdAt) {}

  /** What became of a template offered for a report. */
  sealed interface Added {
    /** Stored, as {@code id}. */
    record Stored(long id) implements Added {}

    /** Refused: the report holds as many as it may. */
    record Full() implements Added {}

    /** Refused: the template of that photo is already held. */
    record Duplicate() implements Added {}
  }

  /**
   * Stores a template unless the report holds {@code max} or one of the same photo: one report at a
   * time, so the count and the check hold until it is stored.
   */
  Added add(
      UUID report,
      String model,
      byte[] sealed,
      String photoSha256,
      String consentText,
      String by,
      int max);

  /** The report's templates, oldest first. */
  List<Row> of(UUID report);

  Summary summary(UUID report);

  /** Whether any report holds a template. */
  boolean any();

  /** Deletes every template of the report; how many there were. */
  int deleteAll(UUID report);

  /** The report's sealed templates, oldest first. */
  List<Sealed> sealed(UUID report);

  /** Every report's templates of {@code model}, by report reference, oldest first. */
  List<Enrolled> all(String model);
}
