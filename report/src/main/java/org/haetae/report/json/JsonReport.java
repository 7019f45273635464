package org.haetae.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.analysis.graph.CaseGraph;
import org.haetae.analysis.media.FaceEvidence;
import org.haetae.analysis.media.ImageSignals;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.BankMatch;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.CaseFinding;
import org.haetae.analysis.result.CaseInfo;
import org.haetae.analysis.result.ChatSummary;
import org.haetae.analysis.result.ExportInfo;
import org.haetae.analysis.result.MediaItem;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.NameUse;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.SpreadEvent;
import org.haetae.analysis.result.SpreadTrail;
import org.haetae.analysis.result.TextFlag;
import org.haetae.report.view.CaseIndex;
import org.haetae.report.view.Dates;

/**
 * {@code report.json}: the whole analysis, nothing capped, for other tools. The top-level keys and
 * the keys DESIGN.md names are a contract; new keys may be added, none renamed. Dates are ISO-8601
 * UTC strings (null when unknown); messages are cited as {@code {chat, message_id, date, export}}.
 */
public final class JsonReport {
  /** Written into the file so readers can tell versions apart. */
  public static final String FORMAT = "haetae-report-v1";

  private JsonReport() {}

  /** Writes the report; leaves {@code out} open. */
  public static void write(CaseAnalysis analysis, OutputStream out) throws IOException {
    CaseIndex index = new CaseIndex(analysis);
    try (JsonGenerator g = JsonFactory.builder().build().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      writeCase(g, analysis, index);
      g.writeArrayFieldStart("chats");
      for (ChatSummary c : analysis.chats()) {
        writeChat(g, c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("accounts");
      int rank = 0;
      for (ActorProfile a : analysis.accounts()) {
        writeAccount(g, a, ++rank);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("media");
      for (MediaItem m : analysis.media()) {
        writeMedia(g, m);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("matches");
      for (BankMatch m : analysis.matches()) {
        writeMatch(g, m);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("spread");
      for (SpreadTrail t : analysis.spread()) {
        writeTrail(g, t);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flags");
      for (TextFlag f : analysis.flags()) {
        writeFlag(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (CaseFinding f : analysis.findings()) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      writeGraph(g, analysis.graph());
      g.writeStringField("custody_head", analysis.info().custodyHead());
      g.writeStringField("merkle_root", analysis.info().merkleRoot());
      g.writeEndObject();
    }
  }

  private static void writeCase(JsonGenerator g, CaseAnalysis a, CaseIndex index)
      throws IOException {
    CaseInfo i = a.info();
    g.writeObjectFieldStart("case");
    g.writeStringField("case_id", i.caseId());
    g.writeStringField("generated_at", i.generatedAt());
    g.writeArrayFieldStart("exports");
    for (ExportInfo e : i.exports()) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("path", e.path());
      g.writeStringField("result_sha256", e.resultSha256());
      g.writeStringField("shape", e.shape());
      g.writeStringField("owner", e.owner());
      g.writeNumberField("chats", e.chats());
      g.writeNumberField("messages", e.messages());
      g.writeNumberField("media_files", e.mediaFiles());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "banks", i.banks());
    g.writeNumberField("max_distance", i.maxDistance());
    g.writeNumberField("min_quality", i.minQuality());
    g.writeObjectFieldStart("counts");
    g.writeNumberField("chats", a.chats().size());
    g.writeNumberField("accounts", a.accounts().size());
    g.writeNumberField("messages", i.messages());
    g.writeNumberField("media_files", i.mediaFiles());
    g.writeNumberField("media", a.media().size());
    g.writeNumberField("matches", a.matches().size());
    g.writeNumberField("matched_messages", i.matchedMessages());
    g.writeNumberField("victims", index.victims());
    g.writeNumberField("spread_trails", a.spread().size());
    g.writeNumberField("flags", a.flags().size());
    g.writeNumberField("findings", a.findings().size());
    g.writeEndObject();
    g.writeStringField("custody_head", i.custodyHead());
    g.writeStringField("merkle_root", i.merkleRoot());
    g.writeNumberField("custody_entries", i.custodyEntries());
    g.writeArrayFieldStart("lexicons");
    for (String l : i.lexicons()) {
      g.writeString(l);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeChat(JsonGenerator g, ChatSummary c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.key());
    if (c.telegramId() == null) {
      g.writeNullField("telegram_id");
    } else {
      g.writeNumberField("telegram_id", c.telegramId());
    }
    g.writeStringField("type", c.type());
    g.writeStringField("name", c.name());
    g.writeNumberField("messages", c.messages());
    g.writeNumberField("members", c.members());
    g.writeNumberField("matched_media", c.matchedMedia());
    g.writeStringField("first_date", Dates.iso(c.firstDate()));
    g.writeStringField("last_date", Dates.iso(c.lastDate()));
    strings(g, "exports", c.exports());
    g.writeEndObject();
  }

  private static void writeAccount(JsonGenerator g, ActorProfile a, int rank) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.key());
    g.writeNumberField("rank", rank);
    g.writeStringField("display_name", a.displayName());
    g.writeBooleanField("named_only", a.namedOnly());
    g.writeArrayFieldStart("names");
    for (NameUse n : a.names()) {
      g.writeStartObject();
      g.writeStringField("name", n.name());
      g.writeStringField("first_seen", Dates.iso(n.firstSeen()));
      g.writeStringField("last_seen", Dates.iso(n.lastSeen()));
      g.writeNumberField("count", n.count());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "usernames", a.usernames());
    g.writeArrayFieldStart("roles");
    for (RoleClaim r : a.roles()) {
      g.writeStartObject();
      g.writeStringField("role", r.role().code());
      g.writeStringField("reason", r.reason());
      g.writeArrayFieldStart("evidence");
      for (MessageRef m : r.evidence()) {
        message(g, m);
      }
      g.writeEndArray();
      g.writeNumberField("evidence_count", r.evidenceCount());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "chats", a.chats());
    g.writeNumberField("messages", a.messages());
    g.writeNumberField("score", a.score());
    g.writeEndObject();
  }

  private static void writeMedia(JsonGenerator g, MediaItem m) throws IOException {
    g.writeStartObject();
    g.writeStringField("sha256", m.sha256());
    g.writeStringField("md5", m.md5());
    g.writeStringField("pdq", m.pdq());
    g.writeNumberField("quality", m.quality());
    g.writeStringField("kind", m.kind());
    g.writeStringField("path", m.path());
    g.writeNumberField("cluster", m.cluster());
    g.writeBooleanField("matched", m.matched());
    g.writeArrayFieldStart("messages");
    for (MessageRef r : m.messages()) {
      message(g, r);
    }
    g.writeEndArray();
    g.writeNumberField("message_count", m.messageCount());
    if (m.signals() != null) {
      ImageSignals x = m.signals();
      g.writeObjectFieldStart("signals");
      g.writeNumberField("faces", x.faces());
      g.writeNumberField("width", x.width());
      g.writeNumberField("height", x.height());
      if (x.explicit() != null) {
        g.writeNumberField("explicit", round(x.explicit()));
        g.writeStringField("explicit_model", x.model());
        g.writeObjectFieldStart("classes");
        for (Map.Entry<String, Double> c : new java.util.TreeMap<>(x.classes()).entrySet()) {
          g.writeNumberField(c.getKey(), round(c.getValue()));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Model scores to four places: more would suggest a precision they do not have. */
  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static void writeMatch(JsonGenerator g, BankMatch m) throws IOException {
    g.writeStartObject();
    messageFields(g, m.message(), "chat_id");
    g.writeStringField("media_sha256", m.mediaSha256());
    g.writeStringField("bank", m.bank());
    g.writeStringField("entry_id", m.entryId());
    g.writeStringField("how", m.how());
    g.writeNumberField("distance", m.distance());
    labels(g, m.labels());
    if (m.face() != null) {
      FaceEvidence f = m.face();
      g.writeObjectFieldStart("face");
      g.writeNumberField("distance", round(f.distance()));
      g.writeNumberField("similarity", round(f.similarity()));
      g.writeNumberField("rank", f.rank());
      g.writeArrayFieldStart("box");
      for (double v : new double[] {f.x(), f.y(), f.width(), f.height()}) {
        g.writeNumber(Math.round(v));
      }
      g.writeEndArray();
      g.writeStringField("model", f.model());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeTrail(JsonGenerator g, SpreadTrail t) throws IOException {
    g.writeStartObject();
    g.writeStringField("bank", t.bank());
    g.writeStringField("entry_id", t.entryId());
    labels(g, t.labels());
    strings(g, "rooms", t.rooms());
    g.writeNumberField("members_reached", t.membersReached());
    g.writeNumberField("variants", t.variants());
    g.writeArrayFieldStart("events");
    for (SpreadEvent e : t.events()) {
      g.writeStartObject();
      messageFields(g, e.message(), "chat");
      g.writeStringField("kind", e.kind());
      g.writeStringField("actor", e.actorKey());
      g.writeStringField("forwarded_from", e.forwardedFrom());
      g.writeStringField("media_sha256", e.mediaSha256());
      g.writeNumberField("distance", e.distance());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeFlag(JsonGenerator g, TextFlag f) throws IOException {
    g.writeStartObject();
    g.writeStringField("category", f.category());
    g.writeStringField("rule", f.rule());
    g.writeStringField("excerpt", f.excerpt());
    g.writeStringField("actor", f.actorKey());
    g.writeFieldName("message");
    message(g, f.message());
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, CaseFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", f.kind());
    g.writeStringField("code", f.code());
    g.writeStringField("detail", f.detail());
    g.writeFieldName("message");
    message(g, f.message());
    g.writeEndObject();
  }

  private static void writeGraph(JsonGenerator g, CaseGraph graph) throws IOException {
    g.writeObjectFieldStart("graph");
    if (graph == null) {
      g.writeNumberField("nodes", 0);
      g.writeNumberField("edges", 0);
    } else {
      g.writeNumberField("nodes", graph.nodes().size());
      g.writeNumberField("edges", graph.edges().size());
      Map<String, Long> nodeKinds = new TreeMap<>();
      graph.nodes().forEach(n -> nodeKinds.merge(n.kind(), 1L, Long::sum));
      Map<String, Long> edgeKinds = new TreeMap<>();
      graph.edges().forEach(e -> edgeKinds.merge(e.kind(), 1L, Long::sum));
      counts(g, "node_kinds", nodeKinds);
      counts(g, "edge_kinds", edgeKinds);
    }
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, MessageRef m) throws IOException {
    if (m == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    messageFields(g, m, "chat");
    g.writeEndObject();
  }

  private static void messageFields(JsonGenerator g, MessageRef m, String chatKey)
      throws IOException {
    g.writeStringField(chatKey, m.chatKey());
    if (m.messageId() == null) {
      g.writeNullField("message_id");
    } else {
      g.writeNumberField("message_id", m.messageId());
    }
    g.writeStringField("date", Dates.iso(m.dateUnix()));
    g.writeStringField("export", m.export());
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void labels(JsonGenerator g, Map<String, String> labels) throws IOException {
    g.writeObjectFieldStart("labels");
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
