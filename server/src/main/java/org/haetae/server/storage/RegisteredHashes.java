package org.haetae.server.storage;

import java.util.List;
import java.util.UUID;
import org.haetae.hashing.pdq.Hash256;

/**
 * Victims' registered hashes as re-upload monitoring compares them, the files they are compared
 * with, and the matches found: each recorded once.
 */
public interface RegisteredHashes {
  /** A registered hash still in force. */
  record Registered(long id, UUID reportId, Hash256 pdq, String md5, String sha256) {}

  /** A file to compare: from a case, or sent by a platform. */
  record Candidate(String sha256, String md5, String pdq, Integer quality) {}

  /** A registered hash a candidate matched; {@code how} is sha256, md5 or pdq. */
  record Hit(UUID reportId, long hashId, String how, int distance) {}

  /**
   * A face enrolled on a report, found in a case's file: the closest of that file's matches for the
   * report (a file may hold several faces, and be posted several times).
   */
  record FaceHit(
      UUID reportId, String mediaSha256, int distance, Double faceDistance, Integer faceRank) {}

  /** The hashes in force: all of them, or only those of {@code ids} when not null. */
  List<Registered> inForce(List<Long> ids);

  /** Every case's id. */
  List<UUID> caseIds();

  /** The files of a case. */
  List<Candidate> caseFiles(UUID caseId);

  /**
   * The case's matches of {@code faceBank} on reports that still hold templates, one per report and
   * file (the closest).
   */
  List<FaceHit> faceHits(UUID caseId, String faceBank);

  /**
   * Records a hash match once.
   *
   * @param source {@code scan} (with {@code caseId}) or {@code platform} (with {@code platform})
   * @return false when it was recorded before
   */
  boolean recordHit(Hit h, String source, UUID caseId, String platform, String sha256);

  /** Records a face lead once; false when it was recorded before. */
  boolean recordFaceLead(UUID caseId, FaceHit h);
}
