package org.haetae.pipeline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.telegram.model.Account;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Contact;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.SectionItem;
import org.haetae.telegram.read.ExportSink;
import org.haetae.telegram.read.ReadSummary;

/**
 * Writes what the reader delivers as JSON lines, one file per record kind, so later stages (scan,
 * analysis, report) read the export without parsing it again. Files are written as records arrive.
 */
final class RecordFiles implements ExportSink, AutoCloseable {
  /** The record files, in the order the case layout documents them. */
  static final List<String> NAMES =
      List.of(
          "chats.jsonl",
          "messages.jsonl",
          "accounts.jsonl",
          "contacts.jsonl",
          "sections.jsonl",
          "findings.jsonl",
          "media.jsonl");

  private final JsonFactory json = new JsonFactory();
  private final Map<String, JsonGenerator> out = new LinkedHashMap<>();
  private final Map<String, Long> findingsByKind = new TreeMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Path dir;

  RecordFiles(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    for (String n : NAMES) {
      OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve(n)), 1 << 16);
      JsonGenerator g = json.createGenerator(os);
      // One JSON object per line, nothing between.
      g.setPrettyPrinter(new com.fasterxml.jackson.core.util.MinimalPrettyPrinter("\n"));
      out.put(n, g);
    }
  }

  Map<String, Long> findingsByKind() {
    return findingsByKind;
  }

  private void write(String file, Object record) throws IOException {
    counts.merge(file, 1L, Long::sum);
    RecordJson.write(out.get(file), record);
  }

  /**
   * One line per media reference, whether the file is there or not, so later stages can join
   * messages to vault blobs (custody {@code stored} entries) by {@code relative_path}.
   *
   * @param section {@code messages}, or the account-export section of a profile picture or story
   */
  record MediaUse(
      String section,
      Long messageSeq,
      Integer chatOrdinal,
      Long messageId,
      Long dateUnixtime,
      MediaRef ref) {}

  @Override
  public void message(Message message) throws IOException {
    write("messages.jsonl", message);
    for (MediaRef r : message.media()) {
      write(
          "media.jsonl",
          new MediaUse(
              "messages",
              message.seq(),
              message.chatOrdinal(),
              message.id(),
              message.dateUnixtime(),
              r));
    }
  }

  @Override
  public void chat(Chat chat) throws IOException {
    write("chats.jsonl", chat);
  }

  @Override
  public void contact(Contact contact) throws IOException {
    write("contacts.jsonl", contact);
  }

  @Override
  public void section(SectionItem item) throws IOException {
    write("sections.jsonl", item);
    for (MediaRef r : item.media()) {
      write("media.jsonl", new MediaUse(item.section(), null, null, null, null, r));
    }
  }

  @Override
  public void account(Account account) throws IOException {
    write("accounts.jsonl", account);
  }

  @Override
  public void finding(Finding finding) throws IOException {
    findingsByKind.merge(finding.kind(), 1L, Long::sum);
    write("findings.jsonl", finding);
  }

  /** Writes {@code summary.json} (how reading went) beside the record files. */
  void summary(ReadSummary s) throws IOException {
    try (JsonGenerator g =
        json.createGenerator(Files.newOutputStream(dir.resolve("summary.json")))) {
      g.useDefaultPrettyPrinter();
      RecordJson.write(g, s);
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Map.Entry<String, JsonGenerator> e : out.entrySet()) {
      try {
        if (counts.containsKey(e.getKey())) {
          e.getValue().writeRaw('\n');
        }
        e.getValue().close();
      } catch (IOException ex) {
        first = first == null ? ex : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
