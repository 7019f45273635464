package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;

/**
 * Plain PDQ lines: {@code HASH}, {@code HASH,QUALITY}, or the five columns {@code haetae hash}
 * prints ({@code pdq_hex,quality,md5,sha256,path}; the path is not kept: file names can name
 * people). Lines starting with {@code #} are comments; a {@code pdq_hex,...} header is skipped.
 */
final class PdqLinesReader implements BankFileReader {

  @Override
  public void read(InputStream in, ReadListener listener) throws IOException {
    CsvReader csv = TextInput.csv(in);
    for (CsvReader.Record r; (r = csv.next()) != null; ) {
      if (r.error() != null) {
        listener.rejected(r.line(), r.error());
      } else if (r.blank()) {
        listener.blank(r.line());
      } else if (r.fields().getFirst().strip().startsWith("#")
          || r.fields().getFirst().strip().equalsIgnoreCase("pdq_hex")) {
        continue;
      } else {
        try {
          listener.entry(r.line(), parse(r.fields()));
        } catch (HashFields.BadField e) {
          listener.rejected(r.line(), e.getMessage());
        }
      }
    }
  }

  static BankEntry parse(List<String> f) throws HashFields.BadField {
    Hash256 pdq = HashFields.pdq(f.getFirst());
    return switch (f.size()) {
      case 1 -> BankEntry.ofPdq(pdq);
      case 2 -> new BankEntry(pdq, HashFields.quality(f.get(1)), null, null, "", Map.of());
      case 5 ->
          new BankEntry(
              pdq,
              HashFields.quality(f.get(1)),
              HashFields.md5(f.get(2)),
              HashFields.sha256(f.get(3)),
              "",
              Map.of());
      default ->
          throw new HashFields.BadField(
              "expected HASH, HASH,QUALITY or the 5 columns of 'haetae hash', found "
                  + f.size()
                  + " fields");
    };
  }
}
