package org.haetae.server.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.haetae.server.access.OpenCase;

/** What a case's pages show of it as a whole: figures, rooms, victims' images, findings, flags. */
public interface CaseReads {
  /** A case as listed. */
  record CaseRow(
      UUID id, String title, long messages, long victims, long accounts, Instant importedAt) {}

  /** Where a case is and what it is called: what opening it needs. */
  record Location(String title, Path folder) {}

  /**
   * A case's figures. {@code matchedMedia} counts files that matched anything; {@code
   * hashMatchedMedia} those that matched a victim's image by hash, {@code faceMatchedMedia} those
   * in which an enrolled face may be (leads, counted apart because they are not findings).
   */
  record Summary(
      UUID id,
      String title,
      Instant importedAt,
      Instant generatedAt,
      String custodyHead,
      String merkleRoot,
      long custodyEntries,
      long messages,
      long mediaFiles,
      long matchedMessages,
      long victims,
      List<String> banks,
      int maxDistance,
      int minQuality,
      long exports,
      long rooms,
      long accounts,
      long matchedMedia,
      long flags,
      long rolesToReview,
      long flagsToReview,
      long findings,
      long hashMatchedMedia,
      long faceMatchedMedia) {}

  /** A room as listed. */
  record RoomRow(
      String key,
      String name,
      String type,
      long messages,
      long members,
      long matchedMedia,
      Instant firstDate,
      Instant lastDate) {}

  /**
   * One victim's registered image (a bank entry) and how far it was found to spread; or, when
   * {@code face}, an enrolled person whose face may be in {@code files} pictures: a lead for
   * review, not an identification.
   */
  record VictimRow(
      String bank,
      String entryId,
      String labels,
      long posts,
      long rooms,
      Instant firstSeen,
      boolean face,
      long files) {}

  /**
   * Files that matched a victim's image by hash, and images in which an enrolled face may be
   * (leads): counted apart, because only the first are findings.
   */
  record MatchedFiles(long byHash, long byFace) {}

  /** A finding of the scan (an anomaly in the export, a note on the analysis). */
  record FindingRow(String kind, String code, String chatKey, Long messageId, String detail) {}

  /** A flagged message with any reviewer's decision on it. */
  record FlagRow(
      long id,
      String chatKey,
      Long messageId,
      Instant date,
      String accountKey,
      String category,
      String rule,
      String excerpt,
      String decision,
      String decidedBy) {}

  record CategoryCount(String category, long count) {}

  /** Every case, newest import first; the caller keeps those its person may see. */
  List<CaseRow> cases();

  /** Where the case is, if it exists: for {@code CaseAccess}, which opens cases. */
  Optional<Location> locate(UUID caseId);

  Summary summary(OpenCase c);

  long roomCount(OpenCase c);

  /** Rooms, those carrying victims' images first, then the busiest. */
  List<RoomRow> rooms(OpenCase c, int offset, int limit);

  Optional<RoomRow> room(OpenCase c, String key);

  /** Rooms by key (an account's rooms), those carrying victims' images first. */
  List<RoomRow> rooms(OpenCase c, List<String> keys);

  long victimCount(OpenCase c);

  /**
   * The bank entries found in the case: victims' images matched by hash first, then enrolled faces
   * (leads); in each, the most widely posted first.
   */
  List<VictimRow> victims(OpenCase c, int offset, int limit);

  MatchedFiles matchedFiles(OpenCase c);

  long findingCount(OpenCase c);

  List<FindingRow> findings(OpenCase c, int offset, int limit);

  List<CategoryCount> flagCategories(OpenCase c);

  /**
   * Flagged messages, those nobody has reviewed first.
   *
   * @param category only this category, or null for all
   * @param accountKey only this account's, or null for all
   */
  List<FlagRow> flags(OpenCase c, String category, String accountKey, int offset, int limit);

  long flagCount(OpenCase c, String category, String accountKey);
}
