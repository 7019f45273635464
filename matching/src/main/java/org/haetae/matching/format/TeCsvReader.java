package org.haetae.matching.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;

/**
 * ThreatExchange hash CSV. Without a header, the positional layout of ThreatExchange's local
 * dataset files: {@code hash,id,timestamp,tags} (tags space-separated; trailing columns optional).
 * With a header, columns are found by name: {@code indicator|hash|signal_value}, {@code
 * id|indicator_id}, {@code type|indicator_type|hash_type} ({@code HASH_PDQ}, {@code HASH_MD5},
 * {@code HASH_SHA256}), {@code timestamp|creation_time}, {@code tags}, {@code quality}; any other
 * column becomes a label. Without a type, a 64-digit hash is PDQ and a 32-digit one MD5.
 */
final class TeCsvReader implements BankFileReader {
  private static final List<String> HEADER_WORDS =
      List.of(
          "indicator",
          "hash",
          "signal_value",
          "id",
          "indicator_id",
          "type",
          "indicator_type",
          "hash_type",
          "timestamp",
          "creation_time",
          "tags",
          "quality");

  private int hash = 0;
  private int id = 1;
  private int type = -1;
  private int time = 2;
  private int tags = 3;
  private int quality = -1;
  private Header header;

  @Override
  public void read(InputStream in, ReadListener listener) throws IOException {
    CsvReader csv = TextInput.csv(in);
    boolean first = true;
    for (CsvReader.Record r; (r = csv.next()) != null; ) {
      if (r.error() != null) {
        listener.rejected(r.line(), r.error());
        continue;
      }
      if (r.blank()) {
        listener.blank(r.line());
        continue;
      }
      if (first) {
        first = false;
        if (isHeader(r.fields())) {
          useHeader(new Header(r.fields()));
          continue;
        }
      }
      try {
        listener.entry(r.line(), parse(r.fields()));
      } catch (HashFields.BadField e) {
        listener.rejected(r.line(), e.getMessage());
      }
    }
  }

  private static boolean isHeader(List<String> fields) {
    for (String f : fields) {
      if (HEADER_WORDS.contains(f.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private void useHeader(Header h) {
    header = h;
    hash = h.find("indicator", "hash", "signal_value", "hash_value");
    id = h.find("id", "indicator_id", "descriptor_id");
    type = h.find("type", "indicator_type", "hash_type", "signal_type");
    time = h.find("timestamp", "creation_time", "added_on");
    tags = h.find("tags");
    quality = h.find("quality");
  }

  private BankEntry parse(List<String> f) throws HashFields.BadField {
    if (hash < 0) {
      throw new HashFields.BadField("the header has no indicator/hash column");
    }
    if (header == null && f.size() > 4) {
      throw new HashFields.BadField(
          "expected at most 4 columns (hash,id,timestamp,tags), found " + f.size());
    }
    if (header != null && f.size() != header.size()) {
      throw new HashFields.BadField(
          "expected " + header.size() + " columns as in the header, found " + f.size());
    }
    String value = Header.field(f, hash).strip();
    String kind = Header.field(f, type).strip().toUpperCase(Locale.ROOT);
    if (kind.isEmpty()) {
      kind = value.length() == 32 ? "HASH_MD5" : "HASH_PDQ";
    }
    Map<String, String> labels = new TreeMap<>();
    String ts = TextInput.clip(Header.field(f, time));
    if (!ts.isEmpty()) {
      labels.put("timestamp", ts);
    }
    String tagList =
        TextInput.clip(Header.field(f, tags).replace(',', ' ').replaceAll("\\s+", " "));
    if (!tagList.isEmpty()) {
      labels.put("tags", tagList);
    }
    if (header != null) {
      for (int i = 0; i < header.size() && labels.size() < 32; i++) {
        if (i != hash && i != id && i != type && i != time && i != tags && i != quality) {
          String v = TextInput.clip(f.get(i));
          if (!v.isEmpty()) {
            labels.put(header.name(i), v);
          }
        }
      }
    }
    String sourceId = TextInput.clip(Header.field(f, id));
    int q = HashFields.quality(Header.field(f, quality));
    return switch (kind) {
      case "HASH_PDQ", "PDQ" -> {
        Hash256 pdq = HashFields.pdq(value);
        yield new BankEntry(pdq, q, null, null, sourceId, labels);
      }
      case "HASH_MD5", "MD5" ->
          new BankEntry(null, -1, HashFields.md5(value), null, sourceId, labels);
      case "HASH_SHA256", "SHA256" ->
          new BankEntry(null, -1, null, HashFields.sha256(value), sourceId, labels);
      default -> throw new HashFields.BadField("unsupported hash type (not PDQ, MD5 or SHA256)");
    };
  }
}
