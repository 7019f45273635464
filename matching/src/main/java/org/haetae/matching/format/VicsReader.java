package org.haetae.matching.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.haetae.hashing.pdq.Hash256;
import org.haetae.matching.bank.BankEntry;

/**
 * Project VIC VICS JSON (OData), streamed: the file can be gigabytes. Any object carrying an {@code
 * MD5}, {@code SHA256}, {@code SHA1} or {@code PDQ} member is a media entry, wherever it sits
 * ({@code value[]}, {@code value[].Media[]}); hashes may also come as {@code
 * {"HashName":"PDQ","HashValue":"..."}} objects inside it (VICS "AlternativeHashes"). {@code
 * MediaID} becomes the source id; other plain members become labels, except those whose names
 * suggest file names, paths or free text (they can identify people).
 */
final class VicsReader implements BankFileReader {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void read(InputStream in, ReadListener listener) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        listener.rejected(1, "empty file: no VICS JSON");
        return;
      }
      walk(p, t, listener);
      if (p.nextToken() != null) {
        listener.rejected(line(p), "unexpected content after the end of the JSON document");
      }
    } catch (JsonEOFException e) {
      listener.rejected(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "the JSON ends early (truncated file?); entries before this line were read");
    } catch (StreamReadException e) {
      listener.rejected(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON (" + shortReason(e) + "); entries before this line were read");
    }
  }

  /** Walks the value starting at token {@code t}; objects may emit entries. */
  private void walk(JsonParser p, JsonToken t, ReadListener listener) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
        if (e == null) {
          throw new JsonEOFException(p, null, "end of input in array");
        }
        walk(p, e, listener);
      }
    } else if (t == JsonToken.START_OBJECT) {
      readObject(p, listener);
    }
  }

  /** Reads one object, emitting it if it is a media entry; returns its plain members. */
  private Map<String, String> readObject(JsonParser p, ReadListener listener) throws IOException {
    long line = line(p);
    Map<String, String> scalars = new LinkedHashMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw new JsonEOFException(p, null, "end of input in object");
      }
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (v == null) {
        throw new JsonEOFException(p, null, "end of input in object");
      }
      if (v == JsonToken.START_OBJECT) {
        collectAlternative(readObject(p, listener), scalars);
      } else if (v == JsonToken.START_ARRAY) {
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          if (e == null) {
            throw new JsonEOFException(p, null, "end of input in array");
          }
          if (e == JsonToken.START_OBJECT) {
            collectAlternative(readObject(p, listener), scalars);
          } else {
            walk(p, e, listener);
          }
        }
      } else if (v != JsonToken.VALUE_NULL) {
        scalars.putIfAbsent(name, p.getText());
      }
    }
    if (isMedia(scalars)) {
      try {
        listener.entry(line, toEntry(scalars));
      } catch (HashFields.BadField e) {
        listener.rejected(line, e.getMessage());
      }
    }
    return scalars;
  }

  /** A {@code {"HashName": "PDQ", "HashValue": "..."}} object lends its hash to its parent. */
  private static void collectAlternative(Map<String, String> child, Map<String, String> parent) {
    String name = get(child, "hashname");
    String value = get(child, "hashvalue");
    if (name != null && value != null) {
      parent.putIfAbsent(name, value);
    }
  }

  private static boolean isMedia(Map<String, String> m) {
    return get(m, "md5") != null
        || get(m, "sha256") != null
        || get(m, "sha1") != null
        || get(m, "pdq") != null;
  }

  private static BankEntry toEntry(Map<String, String> m) throws HashFields.BadField {
    String md5 = get(m, "md5");
    String sha256 = get(m, "sha256");
    String sha1 = get(m, "sha1");
    String pdqText = get(m, "pdq");
    String md5Hex = md5 == null || md5.isBlank() ? null : HashFields.md5(md5);
    String shaHex = sha256 == null || sha256.isBlank() ? null : HashFields.sha256(sha256);
    Hash256 pdq = pdqText == null || pdqText.isBlank() ? null : HashFields.pdq(pdqText);
    Map<String, String> labels = new TreeMap<>();
    if (sha1 != null && !sha1.isBlank()) {
      labels.put("SHA1", HashFields.sha1(sha1));
    }
    if (pdq == null && md5Hex == null && shaHex == null) {
      throw new HashFields.BadField(
          "media entry has no PDQ, MD5 or SHA256 (SHA1 alone cannot be matched)");
    }
    int quality = -1;
    for (Map.Entry<String, String> e : m.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      if (k.equals("pdqquality")) {
        quality = HashFields.quality(e.getValue());
      } else if (keepAsLabel(k) && labels.size() < 32) {
        labels.put(TextInput.clip(e.getKey()), TextInput.clip(e.getValue()));
      }
    }
    String id = get(m, "mediaid");
    return new BankEntry(
        pdq, quality, md5Hex, shaHex, id == null ? "" : TextInput.clip(id), labels);
  }

  private static boolean keepAsLabel(String k) {
    return !(k.equals("md5")
        || k.equals("sha256")
        || k.equals("sha1")
        || k.equals("pdq")
        || k.equals("mediaid")
        || k.equals("hashname")
        || k.equals("hashvalue")
        || k.startsWith("odata")
        || k.startsWith("@")
        || k.contains("name")
        || k.contains("path")
        || k.contains("comment")
        || k.contains("note")
        || k.contains("description")
        || k.contains("exif")
        || k.contains("gps"));
  }

  private static String get(Map<String, String> m, String lowerKey) {
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerKey)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static String shortReason(StreamReadException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "syntax error";
    }
    int nl = m.indexOf('\n');
    m = nl >= 0 ? m.substring(0, nl) : m;
    // Jackson quotes the offending token, which could be a hash: keep the reason, not the token.
    m = m.replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\"");
    return m.length() > 120 ? m.substring(0, 120) + "..." : m;
  }
}
