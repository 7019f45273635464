package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.matching.bank.BankEntry;

/**
 * Hasher-Matcher-Actioner bank content CSV: a header naming at least {@code signal_type} and {@code
 * signal_value}; {@code content_id} (or {@code bank_content_id}, {@code id}) is kept as the entry's
 * source id and every other column as a label. Signal types: {@code pdq}, {@code md5} (HMA also
 * says {@code video_md5}: an MD5 of the file either way) and {@code sha256}.
 */
final class HmaCsvReader implements BankFileReader {

  @Override
  public void read(InputStream in, ReadListener listener) throws IOException {
    CsvReader csv = TextInput.csv(in);
    Header header = null;
    int type = -1;
    int value = -1;
    int id = -1;
    for (CsvReader.Record r; (r = csv.next()) != null; ) {
      if (r.error() != null) {
        listener.rejected(r.line(), r.error());
        continue;
      }
      if (r.blank()) {
        listener.blank(r.line());
        continue;
      }
      if (header == null) {
        Header h = new Header(r.fields());
        type = h.find("signal_type");
        value = h.find("signal_value");
        if (type < 0 || value < 0) {
          listener.rejected(
              r.line(),
              "an HMA CSV starts with a header naming signal_type and signal_value columns");
          return;
        }
        header = h;
        id = h.find("content_id", "bank_content_id", "id");
        continue;
      }
      List<String> f = r.fields();
      if (f.size() != header.size()) {
        listener.rejected(
            r.line(), "expected " + header.size() + " columns as in the header, found " + f.size());
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      for (int i = 0; i < f.size() && labels.size() < 32; i++) {
        String v = TextInput.clip(f.get(i));
        if (i != type && i != value && i != id && !v.isEmpty()) {
          labels.put(header.name(i), v);
        }
      }
      String sourceId = id < 0 ? "" : TextInput.clip(f.get(id));
      String v = f.get(value);
      try {
        BankEntry e =
            switch (f.get(type).strip().toLowerCase(Locale.ROOT)) {
              case "pdq" -> new BankEntry(HashFields.pdq(v), -1, null, null, sourceId, labels);
              case "md5", "video_md5" ->
                  new BankEntry(null, -1, HashFields.md5(v), null, sourceId, labels);
              case "sha256" ->
                  new BankEntry(null, -1, null, HashFields.sha256(v), sourceId, labels);
              default ->
                  throw new HashFields.BadField(
                      "unsupported signal_type (Haetae reads pdq, md5, video_md5, sha256)");
            };
        listener.entry(r.line(), e);
      } catch (HashFields.BadField e) {
        listener.rejected(r.line(), e.getMessage());
      }
    }
  }
}
