package org.haetae.demo.investigation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What really happened in a synthetic investigation ({@code ground-truth.json}): every account with
 * a Telegram user id that appears in any export, with its roles, and every picture file written,
 * victim variants ({@link #planted}) and harmless ones ({@link #unrelated}). Nothing in the exports
 * themselves hints at it.
 *
 * <p>Roles, as DESIGN.md defines them and as the script enacts them: {@code creator} posted
 * (without forwarding) the first appearance in the whole case of a victim picture, or answered a
 * request with a new picture; {@code requester} asked for material of a named or pictured person;
 * {@code distributor} posted or forwarded a message with a victim picture whose file is in at least
 * one export (a creator's own post included; a channel post counts for the admin who signs it;
 * saving to Saved Messages is possession, not distribution); {@code admin} created a group, pinned,
 * changed a title or photo, removed someone, or posts as a channel; {@code possessor} is the owner
 * of the account export; {@code member} has no other role.
 *
 * @param seed the seed it was generated with
 * @param accounts roles by account id ({@code user123}), sorted, roles in {@link #ROLES} order
 * @param names display names each account used across the exports
 * @param planted every victim-picture file written
 * @param unrelated every other picture file written
 */
public record GroundTruth(
    long seed,
    Map<String, List<String>> accounts,
    Map<String, List<String>> names,
    List<Planted> planted,
    List<Unrelated> unrelated) {

  /** Role words in the order they are listed. */
  public static final List<String> ROLES =
      List.of("creator", "requester", "distributor", "admin", "possessor", "member");

  public GroundTruth {
    accounts = Collections.unmodifiableMap(new TreeMap<>(accounts));
    names = Collections.unmodifiableMap(new TreeMap<>(names));
    planted = List.copyOf(planted);
    unrelated = List.copyOf(unrelated);
  }

  /**
   * A victim-picture file in an export.
   *
   * @param export the export's folder name under {@code exports/}
   * @param path the file, relative to the export folder, as the message names it
   * @param entryId the bank entry (content id) of the original it was made from
   * @param edit what was done to the original, e.g. {@code crop_3pct+reencode_q70} or {@code
   *     exact}; parts joined by {@code +}
   * @param messageIds the messages that carry this file (one, as Telegram writes a file per
   *     message)
   * @param sender the account the message counts against (for a channel post, its signer)
   * @param pdqDistance PDQ distance of this file to its bank entry
   */
  public record Planted(
      String export,
      String path,
      String entryId,
      String edit,
      List<Long> messageIds,
      long chatId,
      String sender,
      long dateUnixtime,
      int pdqDistance) {
    public Planted {
      messageIds = List.copyOf(messageIds);
    }

    /** The kinds of edit, without their amounts: {@code crop}, {@code reencode}, ... */
    public List<String> editKinds() {
      List<String> out = new ArrayList<>();
      for (String part : edit.split("\\+")) {
        int cut = part.indexOf('_');
        out.add(cut < 0 ? part : part.substring(0, cut));
      }
      return out;
    }
  }

  /**
   * A harmless picture file: a meme, view or meal passed around, a photo attached to a request, a
   * new picture answering a request ({@code fresh}), a group or profile photo.
   *
   * @param messageIds empty for a profile picture
   * @param chatId null for a profile picture
   */
  public record Unrelated(
      String export, String path, String kind, List<Long> messageIds, Long chatId) {
    public Unrelated {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** The roles of an account; empty when it is not in the ground truth. */
  public List<String> roles(String accountId) {
    return accounts.getOrDefault(accountId, List.of());
  }

  /** Accounts holding {@code role}, sorted. */
  public Set<String> accountsWith(String role) {
    Set<String> out = new TreeSet<>();
    accounts.forEach(
        (id, roles) -> {
          if (roles.contains(role)) {
            out.add(id);
          }
        });
    return out;
  }

  public static GroundTruth read(Path file) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
      return new Reader(p).read();
    }
  }

  /** Writes it as {@code ground-truth.json}, stable for a given content. */
  void write(Path file) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField(
          "about",
          "Ground truth of a synthetic, harmless investigation made by haetae demo-data. No real"
              + " person and no real abuse material: pictures are drawn shapes, names are invented,"
              + " 'victim' and 'synthetic_sexual' are labels only.");
      g.writeNumberField("seed", seed);
      g.writeArrayFieldStart("roles");
      for (String r : ROLES) {
        g.writeString(r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("accounts");
      for (var e : accounts.entrySet()) {
        g.writeStartObject();
        g.writeStringField("id", e.getKey());
        g.writeArrayFieldStart("roles");
        for (String r : e.getValue()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("names");
        for (String n : names.getOrDefault(e.getKey(), List.of())) {
          g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("planted");
      for (Planted p : planted) {
        g.writeStartObject();
        g.writeStringField("export", p.export());
        g.writeStringField("path", p.path());
        g.writeStringField("entry_id", p.entryId());
        g.writeStringField("edit", p.edit());
        ids(g, p.messageIds());
        g.writeNumberField("chat_id", p.chatId());
        g.writeStringField("sender", p.sender());
        g.writeNumberField("date_unixtime", p.dateUnixtime());
        g.writeNumberField("pdq_distance", p.pdqDistance());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("unrelated");
      for (Unrelated u : unrelated) {
        g.writeStartObject();
        g.writeStringField("export", u.export());
        g.writeStringField("path", u.path());
        g.writeStringField("kind", u.kind());
        ids(g, u.messageIds());
        if (u.chatId() != null) {
          g.writeNumberField("chat_id", u.chatId());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void ids(JsonGenerator g, List<Long> ids) throws IOException {
    g.writeArrayFieldStart("message_ids");
    for (long id : ids) {
      g.writeNumber(id);
    }
    g.writeEndArray();
  }

  /** A small hand-written reader: the CLI carries jackson-core only, no data binding. */
  private record Reader(JsonParser p) {
    GroundTruth read() throws IOException {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      long seed = 0;
      Map<String, List<String>> accounts = new TreeMap<>();
      Map<String, List<String>> names = new TreeMap<>();
      List<Planted> planted = new ArrayList<>();
      List<Unrelated> unrelated = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "seed" -> seed = p.getLongValue();
          case "accounts" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, Object> o = object();
              String id = (String) o.get("id");
              accounts.put(id, strings(o.get("roles")));
              names.put(id, strings(o.get("names")));
            }
          }
          case "planted" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, Object> o = object();
              planted.add(
                  new Planted(
                      (String) o.get("export"),
                      (String) o.get("path"),
                      (String) o.get("entry_id"),
                      (String) o.get("edit"),
                      longs(o.get("message_ids")),
                      ((Number) o.get("chat_id")).longValue(),
                      (String) o.get("sender"),
                      ((Number) o.get("date_unixtime")).longValue(),
                      ((Number) o.get("pdq_distance")).intValue()));
            }
          }
          case "unrelated" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              Map<String, Object> o = object();
              Number chat = (Number) o.get("chat_id");
              unrelated.add(
                  new Unrelated(
                      (String) o.get("export"),
                      (String) o.get("path"),
                      (String) o.get("kind"),
                      longs(o.get("message_ids")),
                      chat == null ? null : chat.longValue()));
            }
          }
          default -> p.skipChildren();
        }
      }
      return new GroundTruth(seed, accounts, names, planted, unrelated);
    }

    /** A flat object whose values are scalars or arrays of scalars. */
    private Map<String, Object> object() throws IOException {
      Map<String, Object> o = new TreeMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          List<Object> values = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(scalar());
          }
          o.put(name, values);
        } else if (t == JsonToken.START_OBJECT) {
          p.skipChildren();
        } else {
          o.put(name, scalar());
        }
      }
      return o;
    }

    private Object scalar() throws IOException {
      return switch (p.currentToken()) {
        case VALUE_STRING -> p.getText();
        case VALUE_NUMBER_INT -> p.getLongValue();
        case VALUE_NULL -> null;
        default -> throw new IOException("unexpected " + p.currentToken() + " in ground truth");
      };
    }

    private static List<String> strings(Object o) {
      List<String> out = new ArrayList<>();
      if (o instanceof List<?> l) {
        for (Object v : l) {
          out.add((String) v);
        }
      }
      return out;
    }

    private static List<Long> longs(Object o) {
      List<Long> out = new ArrayList<>();
      if (o instanceof List<?> l) {
        for (Object v : l) {
          out.add(((Number) v).longValue());
        }
      }
      return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
      if (actual != expected) {
        throw new IOException("ground truth: expected " + expected + ", found " + actual);
      }
    }
  }
}
