package org.haetae.analysis.result;

import java.util.List;

/**
 * What the case is and how it was analysed.
 *
 * @param caseId the case's id from its custody log
 * @param generatedAt ISO-8601 instant of the analysis
 * @param banks banks the media were matched against
 * @param maxDistance PDQ radius used
 * @param minQuality PDQ quality below which images were not matched by PDQ
 * @param victims distinct bank entries matched (each stands for a victim's image)
 * @param custodyHead hash of the custody log's last entry when the analysis was written
 * @param merkleRoot Merkle root over the custody log at that point
 * @param lexicons the lexicons the text was read with: name, version and SHA-256 of each
 */
public record CaseInfo(
    String caseId,
    String generatedAt,
    List<ExportInfo> exports,
    List<String> banks,
    int maxDistance,
    int minQuality,
    long messages,
    long mediaFiles,
    long matchedMessages,
    long victims,
    String custodyHead,
    String merkleRoot,
    long custodyEntries,
    List<String> lexicons) {
  public CaseInfo {
    exports = List.copyOf(exports);
    banks = List.copyOf(banks);
    lexicons = lexicons == null ? List.of() : List.copyOf(lexicons);
  }

  /** Without a record of the lexicons (cases analysed before it was kept). */
  public CaseInfo(
      String caseId,
      String generatedAt,
      List<ExportInfo> exports,
      List<String> banks,
      int maxDistance,
      int minQuality,
      long messages,
      long mediaFiles,
      long matchedMessages,
      long victims,
      String custodyHead,
      String merkleRoot,
      long custodyEntries) {
    this(
        caseId,
        generatedAt,
        exports,
        banks,
        maxDistance,
        minQuality,
        messages,
        mediaFiles,
        matchedMessages,
        victims,
        custodyHead,
        merkleRoot,
        custodyEntries,
        List.of());
  }
}
