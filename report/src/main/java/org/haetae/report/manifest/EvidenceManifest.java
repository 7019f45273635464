package org.haetae.report.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.evidence.casefolder.CaseFolder;
import org.haetae.evidence.custody.CustodyEvent;
import org.haetae.evidence.custody.CustodyException;
import org.haetae.evidence.custody.Entry;
import org.haetae.evidence.custody.LogScan;

/**
 * Everything the vault holds, as the custody log recorded it: each distinct content with the files
 * it came from and the log entries that recorded them, plus the log's size, head hash and Merkle
 * root. A third party checks the root against a signed checkpoint of the same size and each row
 * against its entry, without the vault key.
 *
 * <p>Built in one streaming pass over the log; only the item list is kept.
 */
public final class EvidenceManifest {
  /** Columns of {@code manifest.csv}: one row per stored file. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "sha256",
          "size",
          "kind",
          "export",
          "path",
          "seq",
          "entry_hash",
          "md5",
          "pdq",
          "quality",
          "width",
          "height");

  private final String caseId;
  private final long entries;
  private final String head;
  private final String merkleRoot;
  private final Checkpoint lastCheckpoint;
  private final List<ManifestItem> items;
  private final List<NotStored> notStored;

  private EvidenceManifest(
      String caseId,
      long entries,
      String head,
      String merkleRoot,
      Checkpoint lastCheckpoint,
      List<ManifestItem> items,
      List<NotStored> notStored) {
    this.caseId = caseId;
    this.entries = entries;
    this.head = head;
    this.merkleRoot = merkleRoot;
    this.lastCheckpoint = lastCheckpoint;
    this.items = items;
    this.notStored = notStored;
  }

  /** Reads (and so checks) the case's custody log; a broken log yields no manifest. */
  public static EvidenceManifest read(CaseFolder folder) throws IOException, CustodyException {
    Reader r = new Reader();
    LogScan.Result scan = LogScan.scan(folder.custodyLog(), r::see);
    List<ManifestItem> items = new ArrayList<>(r.drafts.size());
    for (Draft d : r.drafts.values()) {
      items.add(
          new ManifestItem(
              d.sha256, d.size, d.kind, d.storedSha256, d.occurrences, r.images.get(d.sha256)));
    }
    r.drafts.clear();
    return new EvidenceManifest(
        r.caseId,
        scan.entries(),
        scan.head(),
        HexFormat.of().formatHex(scan.tree().root()),
        r.checkpoint,
        List.copyOf(items),
        List.copyOf(r.notStored));
  }

  public String caseId() {
    return caseId;
  }

  /** Entries in the log when it was read. */
  public long entries() {
    return entries;
  }

  /** Hash of the log's last entry. */
  public String head() {
    return head;
  }

  /** RFC 6962 Merkle root over every entry's hash, as the log's checkpoints compute it. */
  public String merkleRoot() {
    return merkleRoot;
  }

  /** The last signed checkpoint, or null when the log has none. */
  public Checkpoint lastCheckpoint() {
    return lastCheckpoint;
  }

  /** Distinct contents in the order the log first stored them. */
  public List<ManifestItem> items() {
    return items;
  }

  public List<NotStored> notStored() {
    return notStored;
  }

  /** Writes {@code manifest.json}; leaves {@code out} open. */
  public void writeJson(OutputStream out) throws IOException {
    JsonFactory f = JsonFactory.builder().build();
    try (JsonGenerator g = f.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", "haetae-manifest-v1");
      g.writeStringField("case_id", caseId);
      g.writeObjectFieldStart("custody_log");
      g.writeNumberField("entries", entries);
      g.writeStringField("head", head);
      g.writeStringField("merkle_root", merkleRoot);
      if (lastCheckpoint != null) {
        g.writeObjectFieldStart("last_checkpoint");
        g.writeNumberField("seq", lastCheckpoint.seq());
        g.writeNumberField("size", lastCheckpoint.size());
        g.writeStringField("head", lastCheckpoint.head());
        g.writeStringField("root", lastCheckpoint.root());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeNumberField("item_count", items.size());
      g.writeNumberField("file_count", items.stream().mapToLong(i -> i.occurrences().size()).sum());
      g.writeArrayFieldStart("items");
      for (ManifestItem i : items) {
        g.writeStartObject();
        g.writeStringField("sha256", i.sha256());
        g.writeNumberField("size", i.size());
        g.writeStringField("kind", i.kind());
        g.writeStringField("stored_sha256", i.storedSha256());
        g.writeArrayFieldStart("files");
        for (Occurrence o : i.occurrences()) {
          g.writeStartObject();
          g.writeStringField("export", o.export());
          g.writeStringField("path", o.path());
          g.writeNumberField("seq", o.seq());
          g.writeStringField("entry_hash", o.entryHash());
          g.writeEndObject();
        }
        g.writeEndArray();
        if (i.image() != null) {
          ImageFacts h = i.image();
          g.writeObjectFieldStart("hashed");
          g.writeStringField("md5", h.md5());
          g.writeStringField("pdq", h.pdq());
          g.writeNumberField("quality", h.quality());
          g.writeNumberField("width", h.width());
          g.writeNumberField("height", h.height());
          g.writeNumberField("seq", h.seq());
          g.writeStringField("entry_hash", h.entryHash());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("not_stored");
      for (NotStored n : notStored) {
        g.writeStartObject();
        g.writeStringField("export", n.export());
        g.writeStringField("path", n.path());
        g.writeStringField("reason", n.reason());
        g.writeNumberField("seq", n.seq());
        g.writeStringField("entry_hash", n.entryHash());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** Writes {@code manifest.csv} (RFC 4180, UTF-8, header line); leaves {@code out} open. */
  public void writeCsv(OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write(String.join(",", CSV_COLUMNS));
    w.write("\r\n");
    for (ManifestItem i : items) {
      ImageFacts h = i.image();
      for (Occurrence o : i.occurrences()) {
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(i.sha256());
        row.add(Long.toString(i.size()));
        row.add(Csv.text(i.kind()));
        row.add(Csv.text(o.export()));
        row.add(Csv.text(o.path()));
        row.add(Long.toString(o.seq()));
        row.add(o.entryHash());
        row.add(h == null ? "" : Csv.text(h.md5()));
        row.add(h == null ? "" : Csv.text(h.pdq()));
        row.add(h == null ? "" : Integer.toString(h.quality()));
        row.add(h == null ? "" : Long.toString(h.width()));
        row.add(h == null ? "" : Long.toString(h.height()));
        w.write(String.join(",", row));
        w.write("\r\n");
      }
    }
    w.flush();
  }

  /** A content while the log is being read. */
  private static final class Draft {
    final String sha256;
    final long size;
    final String kind;
    final String storedSha256;
    final List<Occurrence> occurrences = new ArrayList<>(1);

    Draft(String sha256, long size, String kind, String storedSha256) {
      this.sha256 = sha256;
      this.size = size;
      this.kind = kind;
      this.storedSha256 = storedSha256;
    }
  }

  /** Collects what one pass over the log shows. */
  private static final class Reader {
    final Map<String, Draft> drafts = new LinkedHashMap<>();
    final Map<String, ImageFacts> images = new HashMap<>();
    final List<NotStored> notStored = new ArrayList<>();
    String caseId;
    Checkpoint checkpoint;
    // Entries of logs written before several exports per case name no export: they belong to the
    // export of the acquisition before them.
    String lastExport;

    void see(Entry e) {
      CustodyEvent event = e.event();
      String export =
          event instanceof CustodyEvent.OfExport x && x.export() != null ? x.export() : lastExport;
      switch (event) {
        case CustodyEvent.CaseOpened o -> caseId = o.caseId();
        case CustodyEvent.Acquisition a -> {
          String sha = a.resultJsonSha256();
          lastExport =
              a.export() != null
                  ? a.export()
                  : sha == null || sha.length() < 12 ? null : sha.substring(0, 12);
        }
        case CustodyEvent.Stored st -> {
          if (st.sha256() == null) {
            return;
          }
          Draft d =
              drafts.computeIfAbsent(
                  st.sha256(), s -> new Draft(s, st.size(), st.kind(), st.storedSha256()));
          d.occurrences.add(new Occurrence(export, st.path(), e.seq(), e.hash()));
        }
        case CustodyEvent.Hashed h -> {
          if (h.sha256() != null) {
            images.putIfAbsent(
                h.sha256(),
                new ImageFacts(
                    h.md5(), h.pdq(), h.quality(), h.width(), h.height(), e.seq(), e.hash()));
          }
        }
        case CustodyEvent.NotStored n ->
            notStored.add(new NotStored(export, n.path(), n.reason(), e.seq(), e.hash()));
        case CustodyEvent.Checkpoint c ->
            checkpoint = new Checkpoint(e.seq(), c.size(), c.head(), c.root());
        default -> {}
      }
    }
  }
}
