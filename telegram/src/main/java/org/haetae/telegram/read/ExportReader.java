package org.haetae.telegram.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haetae.telegram.model.Chat;
import org.haetae.telegram.model.Contact;
import org.haetae.telegram.model.Finding;
import org.haetae.telegram.model.MediaRef;
import org.haetae.telegram.model.Message;
import org.haetae.telegram.model.PeerId;
import org.haetae.telegram.model.RawJson;
import org.haetae.telegram.model.SectionItem;

/**
 * Streams a Telegram Desktop JSON export ({@code result.json} of a single chat or of a whole
 * account) into records, in constant memory. A broken or cut-off file is not an exception: every
 * record before the break is delivered, and the summary and a finding say where it broke.
 */
public final class ExportReader {
  public static final String RESULT_JSON = "result.json";

  private final Path exportDir;
  private final Path resultJson;
  private final ReaderOptions options;
  private final JsonFactory factory;

  public ExportReader(Path exportDir) {
    this(exportDir, ReaderOptions.DEFAULT);
  }

  public ExportReader(Path exportDir, ReaderOptions options) {
    this(exportDir, exportDir.resolve(RESULT_JSON), options);
  }

  /**
   * Reads a JSON file by another name (sample files, renamed exports); media paths are still taken
   * relative to {@code exportDir}.
   */
  public ExportReader(Path exportDir, Path resultJson, ReaderOptions options) {
    this.exportDir = exportDir;
    this.resultJson = resultJson;
    this.options = options;
    this.factory =
        JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(options.maxStringBytes() + 64)
                    .maxNameLength(options.maxStringBytes() + 64)
                    .maxNestingDepth(options.maxDepth() + 8)
                    .build())
            .build();
  }

  /** The export's {@code result.json}; an error when absent or not a regular file. */
  public Path resultJson() throws IOException {
    if (!Files.isRegularFile(resultJson, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(
          resultJson.toString(), null, "no result.json (JSON export) in this folder");
    }
    return resultJson;
  }

  public ReadSummary read(ExportSink sink) throws IOException {
    Path file = resultJson();
    MediaResolver resolver = new MediaResolver(exportDir);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        LenientJsonInput in =
            new LenientJsonInput(raw, options.maxStringBytes(), options.maxDepth());
        JsonParser p = factory.createParser(in)) {
      return new Run(sink, in, p, new MessageMapper(resolver)).run();
    }
  }

  /** State of one pass over the file. */
  private final class Run {
    private final ExportSink sink;
    private final LenientJsonInput in;
    private final JsonParser p;
    private final MessageMapper mapper;
    private final JsonTree tree = new JsonTree(options.maxNodesPerMessage());
    private final AccountIndex accounts = new AccountIndex();

    private String shape = "single_chat";
    private int nextChat;
    private long seq;
    private long mediaRefs;
    private long findings;
    private Long lastMessageId;
    // The chat being read, so a break inside it can still close it.
    private int openOrdinal = -1;
    private String openSection;
    private Map<String, Object> openHeader;
    private long openCount;

    Run(ExportSink sink, LenientJsonInput in, JsonParser p, MessageMapper mapper) {
      this.sink = sink;
      this.in = in;
      this.p = p;
      this.mapper = mapper;
    }

    ReadSummary run() throws IOException {
      long errorOffset = -1;
      String error = null;
      try {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new NotAnExport();
        }
        root();
        if (p.nextToken() != null) {
          finding("trailing_data", "after_root", null, null, offset(), "data after the export");
        }
      } catch (NotAnExport e) {
        errorOffset = offset();
        error = "result.json is not a JSON object";
        finding("export_truncated", "not_an_object", null, null, errorOffset, error);
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        errorOffset = in.toFileOffset(loc.getByteOffset() < 0 ? 0 : loc.getByteOffset());
        boolean eof = e instanceof JsonEOFException;
        // Jackson's own message can quote input; ours names only the place.
        error =
            (eof ? "JSON ends before the export does" : "malformed JSON")
                + " at byte "
                + errorOffset
                + (lastMessageId == null ? "" : ", after message id " + lastMessageId);
        finding(
            "export_truncated",
            eof ? "unexpected_end" : "malformed_json",
            openOrdinal < 0 ? null : openOrdinal,
            lastMessageId,
            errorOffset,
            error);
        if (openOrdinal >= 0) {
          closeChat(false);
        }
      }
      if (in.xEscapes() > 0) {
        finding(
            "nonstandard_escapes",
            "x_escape",
            null,
            null,
            null,
            in.xEscapes() + " \\xHH escapes read as control characters");
      }
      for (var a : accounts.accounts()) {
        sink.account(a);
      }
      return new ReadSummary(
          shape,
          nextChat,
          seq,
          mediaRefs,
          findings,
          error == null,
          errorOffset,
          error,
          lastMessageId,
          in.fileOffset());
    }

    private long offset() {
      return in.toFileOffset(Math.max(0, p.currentLocation().getByteOffset()));
    }

    private void root() throws IOException {
      Map<String, Object> header = new LinkedHashMap<>();
      boolean single = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "messages" -> {
            single = true;
            openChat("single", header);
            messages();
          }
          case "chats", "left_chats" -> {
            shape = "account";
            chatList(name);
          }
          case "contacts" -> {
            shape = "account";
            contacts();
          }
          default -> {
            if (v.isScalarValue()) {
              header.put(name, tree.read(p));
            } else {
              section(name);
            }
          }
        }
      }
      if (single) {
        closeChat(true);
      }
    }

    private void openChat(String section, Map<String, Object> header) {
      openOrdinal = nextChat++;
      openSection = section;
      openHeader = header;
      openCount = 0;
    }

    private void closeChat(boolean complete) throws IOException {
      Fields f = new Fields(openHeader);
      claimEvents(openOrdinal, null);
      sink.chat(
          new Chat(
              openOrdinal,
              openSection,
              f.number("id"),
              f.string("type"),
              f.string("name"),
              openCount,
              complete,
              new RawJson(openHeader)));
      openOrdinal = -1;
    }

    private void chatList(String section) throws IOException {
      if (p.currentToken() == JsonToken.START_ARRAY) {
        chatArray(section);
        return;
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        finding("unexpected_shape", section, null, null, offset(), section + " is not an object");
        p.skipChildren();
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("list") && v == JsonToken.START_ARRAY) {
          chatArray(section);
        } else {
          p.skipChildren();
        }
      }
    }

    private void chatArray(String section) throws IOException {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          finding("unexpected_shape", "chat_not_object", null, null, offset(), "skipped");
          p.skipChildren();
          continue;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        openChat(section, header);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (name.equals("messages")) {
            messages();
          } else {
            header.put(name, tree.read(p));
          }
        }
        closeChat(true);
      }
    }

    private void messages() throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        finding("unexpected_shape", "messages_not_array", openOrdinal, null, offset(), "skipped");
        p.skipChildren();
        return;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
          finding("unexpected_shape", "message_not_object", openOrdinal, null, offset(), "skip");
          p.skipChildren();
          continue;
        }
        Map<String, Object> obj = Fields.object(tree.read(p));
        boolean clipped = tree.clipped();
        Long id = new Fields(obj).number("id");
        int[] ev = claimEvents(openOrdinal, id);
        Message m = mapper.map(obj, seq++, openOrdinal, new RawJson(obj), ev[0] > 0);
        openCount++;
        if (m.id() == null) {
          finding("message_without_id", "no_id", openOrdinal, null, offset(), "kept");
        } else {
          lastMessageId = m.id();
        }
        if (clipped) {
          finding("message_clipped", "too_many_values", openOrdinal, id, offset(), "kept part");
        }
        if (m.fromId() != null) {
          accounts.saw(m.fromId(), m.from(), m.dateUnixtime(), false, true);
        }
        if (m.action() != null && m.action().actorId() != null) {
          accounts.saw(m.action().actorId(), m.action().actor(), m.dateUnixtime(), false, true);
        }
        for (MediaRef r : m.media()) {
          mediaRefs++;
          if (MessageMapper.missing(r)) {
            finding("media_missing", r.status().code(), openOrdinal, m.id(), null, r.field());
          }
        }
        sink.message(m);
      }
    }

    private void contacts() throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        section("contacts");
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!name.equals("list") || v != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        long index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          Object o = tree.read(p);
          Map<String, Object> m = Fields.object(o);
          Fields f = new Fields(m == null ? Map.of() : m);
          sink.contact(
              new Contact(
                  index++,
                  f.text("user_id"),
                  f.string("first_name"),
                  f.string("last_name"),
                  f.string("phone_number"),
                  f.string("date"),
                  f.number("date_unixtime"),
                  new RawJson(o)));
        }
      }
    }

    /** Any other top-level part: kept raw, item by item when it is a list or has one. */
    private void section(String name) throws IOException {
      if (name.equals("personal_information")) {
        shape = "account";
      }
      Object v = tree.read(p);
      if (tree.clipped()) {
        finding("section_clipped", name, null, null, offset(), "kept part");
      }
      claimEvents(null, null);
      Map<String, Object> obj = Fields.object(v);
      if (obj != null && name.equals("personal_information")) {
        Fields f = new Fields(obj);
        // The exporting account is always a user, so its bare number is a user id.
        PeerId.of(f.raw("user_id"))
            .map(id -> id.kind().isEmpty() ? new PeerId("user", id.id()) : id)
            .ifPresent(
                id -> {
                  String full =
                      String.join(
                              " ",
                              f.string("first_name") == null ? "" : f.string("first_name"),
                              f.string("last_name") == null ? "" : f.string("last_name"))
                          .strip();
                  accounts.saw(id, full.isEmpty() ? null : full, null, true, false);
                });
      }
      List<?> items = v instanceof List<?> l ? l : obj != null ? listOf(obj) : null;
      if (items == null) {
        sink.section(new SectionItem(name, -1, List.of(), new RawJson(v)));
        return;
      }
      long i = 0;
      for (Object item : items) {
        Map<String, Object> io = Fields.object(item);
        List<MediaRef> media = io == null ? List.of() : mapper.media(new Fields(io));
        for (MediaRef r : media) {
          mediaRefs++;
          if (MessageMapper.missing(r)) {
            finding("media_missing", r.status().code(), null, null, null, name + "." + r.field());
          }
        }
        sink.section(new SectionItem(name, i++, media, new RawJson(item)));
      }
    }

    private static List<?> listOf(Map<String, Object> obj) {
      return obj.get("list") instanceof List<?> l ? l : null;
    }

    private int[] claimEvents(Integer chat, Long messageId) throws IOException {
      int[] ev = in.claimEvents(Math.max(0, p.currentLocation().getByteOffset()));
      if (ev[0] > 0) {
        finding("field_truncated", "string_too_long", chat, messageId, null, ev[0] + " cut");
      }
      if (ev[1] > 0) {
        finding("nesting_too_deep", "replaced_by_null", chat, messageId, null, ev[1] + " cut");
      }
      return ev;
    }

    private void finding(
        String kind, String code, Integer chat, Long messageId, Long offset, String detail)
        throws IOException {
      findings++;
      sink.finding(new Finding(kind, code, chat, messageId, offset, detail));
    }
  }

  /** The root is not an object: not an export at all, reported like a broken one. */
  private static final class NotAnExport extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
