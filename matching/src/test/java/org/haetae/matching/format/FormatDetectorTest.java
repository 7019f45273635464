package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.haetae.matching.bank.BankFormat;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
  static final String H1 = PdqLinesReaderTest.H1;

  @Test
  void recognisesEachFormat() {
    assertThat(FormatDetector.detect("\uFEFF  {\"value\": []}")).isEqualTo(BankFormat.VICS);
    assertThat(FormatDetector.detect("signal_type,signal_value\n")).isEqualTo(BankFormat.HMA_CSV);
    assertThat(FormatDetector.detect(H1 + "\n" + H1)).isEqualTo(BankFormat.PDQ);
    assertThat(FormatDetector.detect("# bank\n" + H1 + ",90\n")).isEqualTo(BankFormat.PDQ);
    assertThat(FormatDetector.detect("pdq_hex,quality,md5,sha256,path\n"))
        .isEqualTo(BankFormat.PDQ);
    assertThat(FormatDetector.detect(H1 + ",1234567,1601513795,a b\n"))
        .isEqualTo(BankFormat.TE_CSV);
    assertThat(FormatDetector.detect("id,indicator,type\n")).isEqualTo(BankFormat.TE_CSV);
    assertThat(FormatDetector.detect("id,indicator,type\n1," + H1 + ",HASH_PDQ\n"))
        .isEqualTo(BankFormat.TE_CSV);
  }

  @Test
  void oneMalformedFirstLineDoesNotDecide() {
    assertThat(FormatDetector.detect("zz\n" + H1 + ",200\n" + H1 + "\n")).isEqualTo(BankFormat.PDQ);
    assertThat(FormatDetector.detect("zz\n" + H1 + ",1,2,3\n")).isEqualTo(BankFormat.TE_CSV);
  }
}
