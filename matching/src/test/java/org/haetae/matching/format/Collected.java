package org.haetae.matching.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;

/** What a reader reported, collected for assertions. */
final class Collected implements ReadListener {
  final List<BankEntry> entries = new ArrayList<>();
  final List<Long> entryLines = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  int blank;

  static Collected read(BankFormat format, String text) throws IOException {
    return read(format, text.getBytes(StandardCharsets.UTF_8));
  }

  static Collected read(BankFormat format, byte[] bytes) throws IOException {
    Collected c = new Collected();
    BankFileReader.of(format).read(new ByteArrayInputStream(bytes), c);
    return c;
  }

  @Override
  public void entry(long line, BankEntry entry) {
    entries.add(entry);
    entryLines.add(line);
  }

  @Override
  public void rejected(long line, String reason) {
    rejected.add(line + ": " + reason);
  }

  @Override
  public void blank(long line) {
    blank++;
  }
}
