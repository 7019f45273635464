package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankFormat;
import org.junit.jupiter.api.Test;

class PdqLinesReaderTest {
  static final String H1 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String H2 = "30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af";

  @Test
  void readsHashesQualitiesAndHashCommandOutput() throws Exception {
    String md5 = "0123456789abcdef0123456789abcdef";
    String sha = "ab".repeat(32);
    Collected c =
        Collected.read(
            BankFormat.PDQ,
            "pdq_hex,quality,md5,sha256,path\n"
                + H1
                + "\n"
                + H2.toUpperCase()
                + ",87\r\n"
                + "# a comment\n"
                + H1
                + ",100,"
                + md5
                + ","
                + sha
                + ",photos/x.jpg\n");
    assertThat(c.rejected).isEmpty();
    assertThat(c.entries).hasSize(3);
    assertThat(c.entries.get(0).pdq()).isEqualTo(Hash256.fromHex(H1));
    assertThat(c.entries.get(0).quality()).isEqualTo(-1);
    assertThat(c.entries.get(1).quality()).isEqualTo(87);
    assertThat(c.entries.get(2).md5()).isEqualTo(md5);
    assertThat(c.entries.get(2).sha256()).isEqualTo(sha);
    assertThat(c.entries.get(2).labels()).as("file paths are not kept").isEmpty();
    assertThat(c.entryLines).containsExactly(2L, 3L, 5L);
  }

  @Test
  void rejectsBadLinesWithLineNumbersAndKeepsGoing() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.PDQ,
            "\uFEFF"
                + H1
                + "\n"
                + H1.substring(1)
                + "\n"
                + H1.replace('f', 'g')
                + "\n\n  \n"
                + H1
                + ",101\n"
                + H1
                + ",50,extra\n"
                + H2
                + "\n");
    assertThat(c.entries).hasSize(2);
    assertThat(c.blank).isEqualTo(2);
    assertThat(c.rejected)
        .containsExactly(
            "2: bad PDQ hash: a PDQ hash has 64 hex digits, this one has 63",
            "3: bad PDQ hash: not a hex digit at position 1: 'g'",
            "6: bad quality: must be a whole number 0..100",
            "7: expected HASH, HASH,QUALITY or the 5 columns of 'haetae hash', found 3 fields");
  }
}
