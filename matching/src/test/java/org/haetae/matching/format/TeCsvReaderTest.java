package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.matching.bank.BankFormat;
import org.junit.jupiter.api.Test;

class TeCsvReaderTest {
  static final String H1 = PdqLinesReaderTest.H1;

  @Test
  void positionalHashIdTimestampTags() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.TE_CSV,
            H1
                + ",3058061737574159,1601513795,tag1 tag2\n"
                + "0123456789abcdef0123456789abcdef,42\n");
    assertThat(c.rejected).isEmpty();
    assertThat(c.entries.get(0).pdq().toHex()).isEqualTo(H1);
    assertThat(c.entries.get(0).sourceId()).isEqualTo("3058061737574159");
    assertThat(c.entries.get(0).labels())
        .containsEntry("timestamp", "1601513795")
        .containsEntry("tags", "tag1 tag2");
    assertThat(c.entries.get(1).md5()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(c.entries.get(1).pdq()).isNull();
  }

  @Test
  void headerNamesColumnsAndExtraColumnsBecomeLabels() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.TE_CSV,
            "id,indicator,type,status,tags\r\n"
                + "7,"
                + H1
                + ",HASH_PDQ,MALICIOUS,\"a,b\"\r\n"
                + "8,"
                + "ab".repeat(32)
                + ",HASH_SHA256,,\r\n"
                + "9,abc,HASH_URL,,\r\n"
                + "10,"
                + H1
                + ",HASH_PDQ\r\n");
    assertThat(c.entries).hasSize(2);
    assertThat(c.entries.get(0).labels())
        .containsEntry("status", "MALICIOUS")
        .containsEntry("tags", "a b");
    assertThat(c.entries.get(1).sha256()).isEqualTo("ab".repeat(32));
    assertThat(c.rejected)
        .containsExactly(
            "4: unsupported hash type (not PDQ, MD5 or SHA256)",
            "5: expected 5 columns as in the header, found 3");
  }

  @Test
  void malformedRowsAreRejectedOneByOne() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.TE_CSV,
            H1 + ",1\n\"" + H1 + ",2\n" + "zz,3\n" + H1 + ",4,5,6,7\n" + H1 + ",5\n");
    assertThat(c.entries).hasSize(2);
    assertThat(c.rejected).hasSize(3);
    assertThat(c.rejected.get(0)).startsWith("2: quoted field opened on line 2 is never closed");
    assertThat(c.rejected.get(1)).startsWith("3: bad PDQ hash");
    assertThat(c.rejected.get(2)).startsWith("4: expected at most 4 columns");
    assertThat(c.entryLines).containsExactly(1L, 5L);
  }
}
