package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.matching.bank.BankFormat;
import org.junit.jupiter.api.Test;

class VicsReaderTest {
  static final String H1 = PdqLinesReaderTest.H1;
  static final String MD5 = "0123456789ABCDEF0123456789ABCDEF";
  static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";

  static final String CASE =
      """
      {
        "odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/CUSTOM/$metadata#Cases",
        "value": [
          {
            "CaseNumber": "A-1",
            "Media": [
              {
                "MediaID": 1,
                "Category": 1,
                "MD5": "%s",
                "SHA1": "%s",
                "MediaFiles": [ { "FileName": "secret-name.jpg", "FilePath": "c:/x" } ]
              },
              {
                "MediaID": 2,
                "Category": 2,
                "AlternativeHashes": [ { "HashName": "PDQ", "HashValue": "%s" } ]
              },
              {
                "MediaID": 3,
                "MD5": "not-a-hash"
              },
              {
                "MediaID": 4,
                "SHA1": "%s"
              }
            ]
          }
        ]
      }
      """
          .formatted(MD5, SHA1, H1, SHA1);

  @Test
  void readsMediaFromCasesWithAlternativeHashes() throws Exception {
    Collected c = Collected.read(BankFormat.VICS, CASE);
    assertThat(c.entries).hasSize(2);
    assertThat(c.entries.get(0).md5()).isEqualTo(MD5.toLowerCase());
    assertThat(c.entries.get(0).sourceId()).isEqualTo("1");
    assertThat(c.entries.get(0).labels())
        .containsEntry("Category", "1")
        .containsEntry("SHA1", SHA1)
        .doesNotContainKeys("FileName", "FilePath");
    assertThat(c.entries.get(1).pdq().toHex()).isEqualTo(H1);
    assertThat(c.entryLines).containsExactly(7L, 14L);
    assertThat(c.rejected)
        .containsExactly(
            "19: bad MD5: needs 32 hex digits, this one has 10",
            "23: media entry has no PDQ, MD5 or SHA256 (SHA1 alone cannot be matched)");
  }

  @Test
  void truncatedJsonKeepsEarlierEntriesAndNamesTheLine() throws Exception {
    String cut = CASE.substring(0, CASE.indexOf("\"MediaID\": 3"));
    Collected c = Collected.read(BankFormat.VICS, cut);
    assertThat(c.entries).hasSize(2);
    assertThat(c.rejected).singleElement().asString().contains("truncated");
  }

  @Test
  void syntaxErrorIsReportedWithItsLine() throws Exception {
    Collected c =
        Collected.read(BankFormat.VICS, "{\"value\": [\n{\"MD5\": \"" + MD5 + "\"},\n{x}]}");
    assertThat(c.entries).hasSize(1);
    assertThat(c.rejected).singleElement().asString().startsWith("3: malformed JSON");
  }

  @Test
  void syntaxErrorsDoNotEchoTheOffendingToken() throws Exception {
    Collected c = Collected.read(BankFormat.VICS, "{\"value\": [\n{\"MD5\": " + H1 + "}]}");
    assertThat(c.rejected)
        .singleElement()
        .asString()
        .startsWith("2: malformed JSON")
        .doesNotContain(H1.substring(0, 8));
  }

  @Test
  void emptyFileAndByteOrderMark() throws Exception {
    assertThat(Collected.read(BankFormat.VICS, "").rejected)
        .containsExactly("1: empty file: no VICS JSON");
    Collected bom =
        Collected.read(BankFormat.VICS, "\uFEFF{\"value\":[{\"MD5\":\"" + MD5 + "\"}]}");
    assertThat(bom.rejected).isEmpty();
    assertThat(bom.entries).hasSize(1);
  }
}
