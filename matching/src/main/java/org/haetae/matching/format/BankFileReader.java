package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import org.haetae.matching.bank.BankFormat;

/** Reads one bank file format, reporting every entry and every rejected line to a listener. */
public interface BankFileReader {

  /**
   * Reads to the end, never stopping at a bad line (a JSON syntax error is the exception: JSON
   * cannot be resynchronised, so it is reported once and reading ends there).
   *
   * @throws IOException only when the input itself cannot be read
   */
  void read(InputStream in, ReadListener listener) throws IOException;

  static BankFileReader of(BankFormat format) {
    return switch (format) {
      case PDQ -> new PdqLinesReader();
      case TE_CSV -> new TeCsvReader();
      case HMA_CSV -> new HmaCsvReader();
      case VICS -> new VicsReader();
    };
  }
}
