package org.haetae.server.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports filed through the portal: what happened, where, the hashes of the pictures to protect
 * (never the pictures), the history the victim sees; and the support desk's side of them (queue,
 * triage, notes, the matches found). Personal details stay in the database and never reach a log.
 */
public interface ReportStore {
  /** What a person files, checked and cleaned. */
  record NewReport(
      String filedFor,
      String whatHappened,
      LocalDate happenedOn,
      String platform,
      List<String> links,
      String contactBy,
      String contact,
      boolean minor) {}

  record Report(
      UUID id,
      String reference,
      String owner,
      String filedFor,
      String whatHappened,
      LocalDate happenedOn,
      String platform,
      String contactBy,
      String contact,
      boolean minor,
      String urgency,
      String status,
      String assignedTo,
      Instant createdAt,
      Instant updatedAt) {}

  record Link(long id, String url, String platform, String note, Instant addedAt) {}

  record HashRow(
      long id,
      String pdq,
      Integer quality,
      String md5,
      String sha256,
      String label,
      Instant addedAt,
      Instant withdrawnAt) {}

  /** A hash as the browser computed it. */
  record HashIn(String pdq, Integer quality, String md5, String sha256, String label) {}

  record Event(Instant at, String kind, String detail, boolean forVictim) {}

  /**
   * Which reports the queue shows.
   *
   * @param status one status, {@code open} for all not closed, or null for all
   * @param platform one platform, or null for all
   * @param assignedTo only those this person handles, or null for all
   */
  record QueueFilter(String status, String platform, String assignedTo) {}

  /** A report as the queue lists it. */
  record QueueRow(
      UUID id,
      String reference,
      String urgency,
      boolean minor,
      String platform,
      String status,
      String assignedTo,
      Instant createdAt,
      long hashes,
      long newMatches) {}

  /** The support desk's triage of a report. */
  record Triage(String urgency, boolean minor, String platform, String status, String assignedTo) {}

  record Note(String author, String body, Instant at) {}

  /**
   * A match found for a report: a registered hash seen again ({@code kind} hash), or her enrolled
   * face found in a scanned case's file ({@code kind} face: a lead for review, with the
   * descriptors' distance and her rank among the enrolled for that face).
   */
  record Match(
      String kind,
      String source,
      UUID caseId,
      String platform,
      String mediaSha256,
      int distance,
      Double faceDistance,
      Integer faceRank,
      Instant at) {
    public boolean face() {
      return "face".equals(kind);
    }
  }

  /** Files a report with a new reference ({@code R-year-number}) and its links, as one. */
  UUID create(String owner, NewReport r);

  Optional<Report> find(UUID id);

  /** The person's reports, newest first. */
  List<Report> ofOwner(String owner);

  List<Link> links(UUID report);

  List<HashRow> hashes(UUID report);

  /** Registers hashes (checked by the caller), all or none. */
  List<Long> addHashes(UUID report, List<HashIn> hashes);

  /**
   * Withdraws one hash, or all when {@code hashId} is null; withdrawn hashes are no longer matched.
   *
   * @return how many were withdrawn
   */
  int withdrawHashes(UUID report, Long hashId);

  /** Adds to the report's history; {@code forVictim} when she sees it too. */
  void event(UUID report, String kind, String detail, boolean forVictim);

  /** The history, oldest first; only what she sees when {@code victimView}. */
  List<Event> events(UUID report, boolean victimView);

  /** Marks the report changed now. */
  void touch(UUID report);

  /** Open reports first by urgency (urgent, minors, high...), then oldest first. */
  List<QueueRow> queue(QueueFilter f, int offset, int limit);

  long queueCount(QueueFilter f);

  void triage(UUID report, Triage t);

  /** A notice went out: a report still being handled now waits for the platform. */
  void waitingForPlatform(UUID report);

  void addNote(UUID report, String author, String body);

  /** The notes, newest first. */
  List<Note> notes(UUID report);

  /** The matches found for the report, newest first (at most 200). */
  List<Match> matches(UUID report);
}
