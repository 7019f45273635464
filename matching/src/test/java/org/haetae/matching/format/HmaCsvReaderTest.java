package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.matching.bank.BankFormat;
import org.junit.jupiter.api.Test;

class HmaCsvReaderTest {
  static final String H1 = PdqLinesReaderTest.H1;

  @Test
  void readsSignalsWithIdsAndLabels() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.HMA_CSV,
            "signal_type,signal_value,content_id,note\n"
                + "pdq,"
                + H1
                + ",c-1,first\n"
                + "video_md5,0123456789ABCDEF0123456789ABCDEF,c-2,\n"
                + "sha256,"
                + "cd".repeat(32)
                + ",c-3,x\n");
    assertThat(c.rejected).isEmpty();
    assertThat(c.entries).hasSize(3);
    assertThat(c.entries.get(0).sourceId()).isEqualTo("c-1");
    assertThat(c.entries.get(0).labels()).containsEntry("note", "first");
    assertThat(c.entries.get(1).md5()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(c.entries.get(2).sha256()).isEqualTo("cd".repeat(32));
  }

  @Test
  void badRowsAreRejectedAndMissingHeaderStopsWithAReason() throws Exception {
    Collected c =
        Collected.read(
            BankFormat.HMA_CSV,
            "signal_type,signal_value\npdq,123\nurl,http://x\npdq\npdq," + H1 + "\n");
    assertThat(c.entries).hasSize(1);
    assertThat(c.rejected)
        .containsExactly(
            "2: bad PDQ hash: a PDQ hash has 64 hex digits, this one has 3",
            "3: unsupported signal_type (Haetae reads pdq, md5, video_md5, sha256)",
            "4: expected 2 columns as in the header, found 1");

    Collected noHeader = Collected.read(BankFormat.HMA_CSV, "pdq," + H1 + "\n");
    assertThat(noHeader.entries).isEmpty();
    assertThat(noHeader.rejected).singleElement().asString().startsWith("1: an HMA CSV starts");
  }
}
