package org.haetae.matching.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<CsvReader.Record> all(String text) throws IOException {
    CsvReader r = new CsvReader(new StringReader(text));
    List<CsvReader.Record> out = new ArrayList<>();
    for (CsvReader.Record rec; (rec = r.next()) != null; ) {
      out.add(rec);
    }
    return out;
  }

  @Test
  void splitsFieldsAndCountsLinesAcrossCrlfAndLf() throws IOException {
    List<CsvReader.Record> r = all("a,b\r\nc,d\n\ne,f");
    assertThat(r).hasSize(4);
    assertThat(r.get(0).fields()).containsExactly("a", "b");
    assertThat(r.get(1).line()).isEqualTo(2);
    assertThat(r.get(2).blank()).isTrue();
    assertThat(r.get(3).line()).isEqualTo(4);
    assertThat(r.get(3).fields()).containsExactly("e", "f");
  }

  @Test
  void stripsByteOrderMark() throws IOException {
    assertThat(all("\uFEFFx,y\n").getFirst().fields()).containsExactly("x", "y");
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndNewlines() throws IOException {
    List<CsvReader.Record> r = all("\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nnext,row\n");
    assertThat(r.get(0).fields()).containsExactly("a,1", "say \"hi\"", "two\r\nlines");
    assertThat(r.get(1).line()).as("the quoted newline counts as a line").isEqualTo(3);
  }

  @Test
  void badQuotingIsAnErrorForThatLineOnly() throws IOException {
    List<CsvReader.Record> r = all("ok,1\nab\"c,2\n\"x\"y,3\nfine,4\n");
    assertThat(r)
        .extracting(CsvReader.Record::error)
        .containsExactly(
            null, "quote inside an unquoted field", "text after a closing quote", null);
    assertThat(r.get(3).line()).isEqualTo(4);
    assertThat(r.get(3).fields()).containsExactly("fine", "4");
  }

  @Test
  void unterminatedQuoteAtEndOfFileNamesItsLine() throws IOException {
    List<CsvReader.Record> r = all("a\n\"never closed,\r\nmore,1\nlast\n");
    assertThat(r.get(1).error()).contains("opened on line 2");
    assertThat(r.get(2).line()).isEqualTo(3);
    assertThat(r.get(2).fields()).containsExactly("more", "1");
    assertThat(r.get(3).line()).isEqualTo(4);
    assertThat(r).hasSize(4);
  }

  @Test
  void hugeLinesAreSkippedWithoutEatingTheNext() throws IOException {
    String huge = "x".repeat(CsvReader.MAX_RECORD_CHARS + 10);
    List<CsvReader.Record> r = all(huge + "\nafter\n");
    assertThat(r.get(0).error()).contains("longer than");
    assertThat(r.get(1).fields()).containsExactly("after");
    assertThat(r.get(1).line()).isEqualTo(2);
  }
}
