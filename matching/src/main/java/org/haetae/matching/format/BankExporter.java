package org.haetae.matching.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.haetae.matching.bank.BankEntry;
import org.haetae.matching.bank.BankFormat;
import org.haetae.matching.bank.StoredEntry;
import org.haetae.matching.store.BankStore;

/**
 * Writes a bank in any format {@link BankFileReader} reads, so an export imports back to the same
 * hashes. CSV exports carry every label as an extra column; plain PDQ lines carry only the hash and
 * quality, so entries without a PDQ are counted as skipped.
 */
public final class BankExporter {
  private static final int MAX_LABEL_COLUMNS = 32;

  private final BankStore store;

  public BankExporter(BankStore store) {
    this.store = store;
  }

  /**
   * @param written entries written
   * @param skipped entries the format has no room for (no PDQ, for the plain PDQ format)
   */
  public record Result(long written, long skipped) {}

  public Result export(String bank, BankFormat format, Writer out) throws IOException {
    try {
      return switch (format) {
        case PDQ -> pdq(bank, out);
        case TE_CSV, HMA_CSV -> csv(bank, format, out);
        case VICS -> vics(bank, out);
      };
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private Result pdq(String bank, Writer w) throws IOException {
    long[] n = new long[2];
    store.forEach(
        bank,
        e -> {
          BankEntry b = e.entry();
          if (b.pdq() == null) {
            n[1]++;
            return;
          }
          write(w, b.pdq().toHex() + (b.quality() >= 0 ? "," + b.quality() : "") + "\n");
          n[0]++;
        });
    w.flush();
    return new Result(n[0], n[1]);
  }

  private Result csv(String bank, BankFormat format, Writer w) throws IOException {
    // First pass: the label columns (a CSV header must list them before any row).
    TreeSet<String> keys = new TreeSet<>();
    store.forEach(bank, e -> keys.addAll(e.entry().labels().keySet()));
    boolean te = format == BankFormat.TE_CSV;
    List<String> reserved =
        te
            ? List.of("hash", "type", "id", "timestamp", "tags", "quality")
            : List.of("signal_type", "signal_value", "content_id");
    List<String> extra = new ArrayList<>();
    for (String k : keys) {
      if (!reserved.contains(k) && extra.size() < MAX_LABEL_COLUMNS) {
        extra.add(k);
      }
    }
    List<String> header =
        new ArrayList<>(
            te ? List.of("hash", "type", "id", "timestamp", "tags", "quality") : reserved);
    header.addAll(extra);
    write(w, row(header));
    long[] n = new long[1];
    store.forEach(
        bank,
        e -> {
          for (String[] signal : signals(e.entry())) {
            List<String> cells = new ArrayList<>();
            Map<String, String> labels = e.entry().labels();
            String id = e.entry().sourceId().isEmpty() ? "" : e.entry().sourceId();
            if (te) {
              cells.add(signal[1]);
              cells.add("HASH_" + signal[0].toUpperCase(java.util.Locale.ROOT));
              cells.add(id);
              cells.add(labels.getOrDefault("timestamp", ""));
              cells.add(labels.getOrDefault("tags", ""));
              cells.add(
                  signal[0].equals("pdq") && e.entry().quality() >= 0
                      ? Integer.toString(e.entry().quality())
                      : "");
            } else {
              cells.add(signal[0]);
              cells.add(signal[1]);
              cells.add(id);
            }
            for (String k : extra) {
              cells.add(labels.getOrDefault(k, ""));
            }
            write(w, row(cells));
          }
          n[0]++;
        });
    w.flush();
    return new Result(n[0], 0);
  }

  /** One row per hash: CSV bank formats carry one signal per row. */
  private static List<String[]> signals(BankEntry e) {
    List<String[]> s = new ArrayList<>();
    if (e.pdq() != null) {
      s.add(new String[] {"pdq", e.pdq().toHex()});
    }
    if (e.md5() != null) {
      s.add(new String[] {"md5", e.md5()});
    }
    if (e.sha256() != null) {
      s.add(new String[] {"sha256", e.sha256()});
    }
    return s;
  }

  private Result vics(String bank, Writer out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField(
        "odata.metadata",
        "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/CUSTOM/$metadata#Media");
    g.writeArrayFieldStart("value");
    long[] n = new long[1];
    store.forEach(
        bank,
        e -> {
          try {
            writeMedia(g, e);
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
          n[0]++;
        });
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    return new Result(n[0], 0);
  }

  private static void writeMedia(JsonGenerator g, StoredEntry s) throws IOException {
    BankEntry e = s.entry();
    g.writeStartObject();
    g.writeStringField("MediaID", e.sourceId().isEmpty() ? Long.toString(s.id()) : e.sourceId());
    if (e.md5() != null) {
      g.writeStringField("MD5", e.md5().toUpperCase(java.util.Locale.ROOT));
    }
    if (e.sha256() != null) {
      g.writeStringField("SHA256", e.sha256());
    }
    if (e.pdq() != null) {
      g.writeStringField("PDQ", e.pdq().toHex());
      if (e.quality() >= 0) {
        g.writeNumberField("PDQQuality", e.quality());
      }
    }
    for (Map.Entry<String, String> l : e.labels().entrySet()) {
      g.writeStringField(l.getKey(), l.getValue());
    }
    g.writeEndObject();
  }

  private static void write(Writer w, String s) {
    try {
      w.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One CSV row, quoting fields that need it (RFC 4180). */
  static String row(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.append('\n').toString();
  }
}
