package org.haetae.evidence.custody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haetae.evidence.custody.CustodyEvent.Acquisition;
import org.haetae.evidence.custody.CustodyEvent.CaseOpened;
import org.haetae.evidence.custody.CustodyEvent.Checkpoint;
import org.haetae.evidence.custody.CustodyEvent.ExplicitScores;
import org.haetae.evidence.custody.CustodyEvent.Exported;
import org.haetae.evidence.custody.CustodyEvent.FaceBox;
import org.haetae.evidence.custody.CustodyEvent.FaceHit;
import org.haetae.evidence.custody.CustodyEvent.FaceStage;
import org.haetae.evidence.custody.CustodyEvent.Faces;
import org.haetae.evidence.custody.CustodyEvent.FacesFailed;
import org.haetae.evidence.custody.CustodyEvent.HashFailed;
import org.haetae.evidence.custody.CustodyEvent.Hashed;
import org.haetae.evidence.custody.CustodyEvent.LogRepaired;
import org.haetae.evidence.custody.CustodyEvent.Matched;
import org.haetae.evidence.custody.CustodyEvent.NotStored;
import org.haetae.evidence.custody.CustodyEvent.Outputs;
import org.haetae.evidence.custody.CustodyEvent.Records;
import org.haetae.evidence.custody.CustodyEvent.RunCompleted;
import org.haetae.evidence.custody.CustodyEvent.RunStarted;
import org.haetae.evidence.custody.CustodyEvent.Stored;
import org.haetae.evidence.custody.CustodyEvent.Unknown;
import org.haetae.evidence.custody.CustodyEvent.Viewed;

/**
 * The JSON members of each {@link CustodyEvent}, in the order they have always been written. The
 * entry header ({@code seq}, {@code time}, {@code type}, {@code prev}) and the trailing {@code
 * hash} are {@link EntryCodec}'s. A null value is left out, except where the old writers wrote an
 * explicit null (an incomplete read's error, a face failure's reason).
 *
 * <p>Decoding is as forgiving as the readers were when they looked members up by name: a member
 * that is missing or of another JSON type reads as null (or -1 for a number every writer logs), and
 * members this version does not know are ignored.
 */
final class EventCodec {
  private static final Set<String> HEADER = Set.of("seq", "time", "type", "prev", "hash");

  private EventCodec() {}

  /** The members after the header, in writing order. */
  static Map<String, Object> encode(CustodyEvent event) {
    Members m = new Members();
    switch (event) {
      case CaseOpened e ->
          m.put("format", e.format())
              .put("case_id", e.caseId())
              .put("vault_key_id", e.vaultKeyId())
              .put("created_by", e.createdBy())
              .put("signing_public_key", e.signingPublicKey());
      case LogRepaired e ->
          m.put("dropped_bytes", e.droppedBytes())
              .put("dropped_sha256", e.droppedSha256())
              .put("saved_as", e.savedAs());
      case RunStarted e ->
          m.put("command", e.command())
              .put("export", e.export())
              .put("export_dir", e.exportDir())
              .put("resumed", e.resumed());
      case Acquisition e ->
          m.put("export", e.export())
              .put("export_dir", e.exportDir())
              .put("result_json_sha256", e.resultJsonSha256())
              .put("result_json_md5", e.resultJsonMd5())
              .put("result_json_size", e.resultJsonSize());
      case Records e -> {
        m.put("export", e.export())
            .put("files", e.files())
            .put("shape", e.shape())
            .put("chats", e.chats())
            .put("messages", e.messages())
            .put("media_refs", e.mediaRefs())
            .put("findings", e.findings())
            .put("complete", e.complete());
        if (!e.complete()) {
          m.putEvenNull("error", e.error()).putEvenNull("error_offset", e.errorOffset());
        }
      }
      case Stored e ->
          m.put("export", e.export())
              .put("path", e.path())
              .put("size", e.size())
              .put("sha256", e.sha256())
              .put("stored_sha256", e.storedSha256())
              .put("md5", e.md5())
              .put("kind", e.kind())
              .put("new_blob", e.newBlob());
      case NotStored e ->
          m.put("export", e.export()).put("path", e.path()).put("reason", e.reason());
      case Hashed e ->
          m.put("sha256", e.sha256())
              .put("md5", e.md5())
              .put("pdq", e.pdq())
              .put("quality", e.quality())
              .put("format", e.format())
              .put("width", e.width())
              .put("height", e.height());
      case HashFailed e ->
          m.put("sha256", e.sha256()).put("reason", e.reason()).put("detail", e.detail());
      case RunCompleted e ->
          m.put("stored", e.stored())
              .put("new_blobs", e.newBlobs())
              .put("hashed", e.hashed())
              .put("hash_failed", e.hashFailed());
      case Matched e -> {
        m.put("command", e.command())
            .put("banks", e.banks())
            .put("max_distance", e.maxDistance())
            .put("min_quality", e.minQuality())
            .put("files", e.files())
            .put("files_matched", e.filesMatched());
        if (e.lexicons() != null) {
          m.put("lexicons", e.lexicons().stream().map(EventCodec::lexicon).toList());
        }
        if (e.faces() != null) {
          FaceStage f = e.faces();
          m.put("face_banks", f.banks())
              .put("face_threshold", f.threshold())
              .put("face_fingerprint", f.fingerprint())
              .put("images_looked_at", f.imagesLookedAt())
              .put("images_with_face_candidates", f.imagesWithFaceCandidates());
        }
      }
      case Faces e -> {
        m.put("sha256", e.sha256())
            .put("fingerprint", e.fingerprint())
            .put("detector", e.detector())
            .put("embedder", e.embedder())
            .put("width", e.width())
            .put("height", e.height())
            .put("faces", e.faces().stream().map(EventCodec::box).toList());
        if (e.explicit() != null) {
          m.put("classifier", e.explicit().classifier())
              .put("classes", e.explicit().classes())
              .put("explicit", e.explicit().explicit());
        }
        m.put("synthetic", e.synthetic())
            .put("hits", e.hits().stream().map(EventCodec::hit).toList());
      }
      case FacesFailed e ->
          m.put("sha256", e.sha256())
              .put("fingerprint", e.fingerprint())
              .putEvenNull("reason", e.reason());
      case Outputs e ->
          m.put("command", e.command())
              .put("files", e.files())
              .put("accounts", e.accounts())
              .put("matches", e.matches());
      case Viewed e -> {
        m.put("sha256", e.sha256()).put("by", e.by()).put("revealed", e.revealed());
        if (e.explicit() != null) {
          m.put("explicit", e.explicit()).putEvenNull("confirmed", e.confirmed());
        }
      }
      case Exported e -> m.put("file", e.file()).put("sha256", e.sha256()).put("by", e.by());
      case Checkpoint e ->
          m.put("size", e.size())
              .put("head", e.head())
              .put("root", e.root())
              .put("signature", e.signature());
      case Unknown e -> e.fields().forEach(m::putEvenNull);
    }
    return m.map;
  }

  /** The event an entry records; {@code fields} are all its members, header included. */
  static CustodyEvent decode(String type, Map<String, Object> fields) {
    Members m = new Members(fields);
    return switch (type) {
      case "case_opened" ->
          new CaseOpened(
              m.str("format"),
              m.str("case_id"),
              m.str("vault_key_id"),
              m.str("created_by"),
              m.str("signing_public_key"));
      case "log_repaired" ->
          new LogRepaired(m.num("dropped_bytes"), m.str("dropped_sha256"), m.str("saved_as"));
      case "run_started" ->
          new RunStarted(m.str("command"), m.str("export"), m.str("export_dir"), m.bool("resumed"));
      case "acquisition" ->
          new Acquisition(
              m.str("export"),
              m.str("export_dir"),
              m.str("result_json_sha256"),
              m.str("result_json_md5"),
              m.optNum("result_json_size"));
      case "records" ->
          new Records(
              m.str("export"),
              m.strings("files"),
              m.str("shape"),
              m.num("chats"),
              m.num("messages"),
              m.num("media_refs"),
              m.numbers("findings"),
              !Boolean.FALSE.equals(m.raw("complete")),
              m.str("error"),
              m.optNum("error_offset"));
      case "stored" ->
          new Stored(
              m.str("export"),
              m.str("path"),
              m.num("size"),
              m.str("sha256"),
              m.str("stored_sha256"),
              m.str("md5"),
              m.str("kind"),
              m.raw("new_blob") instanceof Boolean b ? b : null);
      case "not_stored" -> new NotStored(m.str("export"), m.str("path"), m.str("reason"));
      case "hashed" ->
          new Hashed(
              m.str("sha256"),
              m.str("md5"),
              m.str("pdq"),
              (int) m.num("quality"),
              m.str("format"),
              m.num("width"),
              m.num("height"));
      case "hash_failed" -> new HashFailed(m.str("sha256"), m.str("reason"), m.str("detail"));
      case "run_completed" ->
          new RunCompleted(
              m.num("stored"), m.num("new_blobs"), m.num("hashed"), m.num("hash_failed"));
      case "matched" ->
          new Matched(
              m.str("command"),
              m.stringList("banks"),
              m.num("max_distance"),
              m.num("min_quality"),
              m.num("files"),
              m.num("files_matched"),
              m.raw("face_fingerprint") == null && m.raw("face_banks") == null
                  ? null
                  : new FaceStage(
                      m.stringList("face_banks"),
                      m.dbl("face_threshold"),
                      m.str("face_fingerprint"),
                      m.num("images_looked_at"),
                      m.num("images_with_face_candidates")),
              m.raw("lexicons") == null
                  ? null
                  : m.list("lexicons").stream().map(EventCodec::lexicon).toList());
      case "faces" ->
          new Faces(
              m.str("sha256"),
              m.str("fingerprint"),
              m.str("detector"),
              m.str("embedder"),
              m.num("width"),
              m.num("height"),
              m.list("faces").stream().map(EventCodec::box).toList(),
              m.raw("classifier") == null && m.raw("classes") == null
                  ? null
                  : new ExplicitScores(
                      m.str("classifier"), m.doubles("classes"), m.dbl("explicit")),
              m.optDbl("synthetic"),
              m.list("hits").stream().map(EventCodec::hit).toList());
      case "faces_failed" ->
          new FacesFailed(m.str("sha256"), m.str("fingerprint"), m.str("reason"));
      case "outputs" ->
          new Outputs(m.str("command"), m.strings("files"), m.num("accounts"), m.num("matches"));
      case "viewed" ->
          new Viewed(
              m.str("sha256"),
              m.str("by"),
              m.bool("revealed"),
              m.optDbl("explicit"),
              m.raw("confirmed") instanceof Boolean b ? b : null);
      case "exported" -> new Exported(m.str("file"), m.str("sha256"), m.str("by"));
      case "checkpoint" ->
          new Checkpoint(m.num("size"), m.str("head"), m.str("root"), m.str("signature"));
      default -> {
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        rest.keySet().removeAll(HEADER);
        yield new Unknown(type, rest);
      }
    };
  }

  private static List<Object> box(FaceBox b) {
    List<Object> out = new ArrayList<>(5);
    out.add(b.x());
    out.add(b.y());
    out.add(b.width());
    out.add(b.height());
    if (b.score() != null) {
      out.add(b.score());
    }
    return out;
  }

  private static FaceBox box(Object o) {
    List<?> l = o instanceof List<?> list ? list : List.of();
    return new FaceBox(
        longAt(l, 0), longAt(l, 1), longAt(l, 2), longAt(l, 3), l.size() > 4 ? dblAt(l, 4) : null);
  }

  private static Map<String, Object> lexicon(CustodyEvent.LexiconUsed l) {
    Members m = new Members();
    m.put("name", l.name())
        .put("version", l.version())
        .put("sha256", l.sha256())
        .put("rules", l.rules());
    return m.map;
  }

  private static CustodyEvent.LexiconUsed lexicon(Object o) {
    @SuppressWarnings("unchecked")
    Members m = new Members(o instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    return new CustodyEvent.LexiconUsed(
        m.str("name"), m.str("version"), m.str("sha256"), m.num("rules"));
  }

  private static Map<String, Object> hit(FaceHit h) {
    Members m = new Members();
    m.put("bank", h.bank())
        .put("person", h.person())
        .put("distance", h.distance())
        .put("similarity", h.similarity())
        .put("rank", h.rank())
        .put("box", box(h.box()));
    return m.map;
  }

  private static FaceHit hit(Object o) {
    @SuppressWarnings("unchecked")
    Members m = new Members(o instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    return new FaceHit(
        m.str("bank"),
        m.str("person"),
        m.dbl("distance"),
        m.dbl("similarity"),
        m.num("rank"),
        box(m.raw("box")));
  }

  private static long longAt(List<?> l, int i) {
    return i < l.size() && l.get(i) instanceof Number n ? n.longValue() : -1;
  }

  private static Double dblAt(List<?> l, int i) {
    return l.get(i) instanceof Number n ? n.doubleValue() : null;
  }

  /** Members being written (in order) or read (by name, forgivingly). */
  private static final class Members {
    final Map<String, Object> map;

    Members() {
      this.map = new LinkedHashMap<>();
    }

    Members(Map<String, Object> read) {
      this.map = read;
    }

    Members put(String key, Object value) {
      if (value != null) {
        map.put(key, value);
      }
      return this;
    }

    Members putEvenNull(String key, Object value) {
      map.put(key, value);
      return this;
    }

    Object raw(String key) {
      return map.get(key);
    }

    String str(String key) {
      return map.get(key) instanceof String s ? s : null;
    }

    long num(String key) {
      return map.get(key) instanceof Number n ? n.longValue() : -1;
    }

    Long optNum(String key) {
      return map.get(key) instanceof Number n ? n.longValue() : null;
    }

    double dbl(String key) {
      return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    Double optDbl(String key) {
      return map.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    boolean bool(String key) {
      return Boolean.TRUE.equals(map.get(key));
    }

    List<?> list(String key) {
      return map.get(key) instanceof List<?> l ? l : List.of();
    }

    List<String> stringList(String key) {
      if (!(map.get(key) instanceof List<?> l)) {
        return null;
      }
      List<String> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(v instanceof String s ? s : String.valueOf(v)));
      return out;
    }

    Map<String, String> strings(String key) {
      if (!(map.get(key) instanceof Map<?, ?> in)) {
        return null;
      }
      Map<String, String> out = new LinkedHashMap<>();
      in.forEach((k, v) -> out.put((String) k, v instanceof String s ? s : null));
      return out;
    }

    Map<String, Long> numbers(String key) {
      if (!(map.get(key) instanceof Map<?, ?> in)) {
        return null;
      }
      Map<String, Long> out = new LinkedHashMap<>();
      in.forEach((k, v) -> out.put((String) k, v instanceof Number n ? n.longValue() : null));
      return out;
    }

    Map<String, Double> doubles(String key) {
      if (!(map.get(key) instanceof Map<?, ?> in)) {
        return null;
      }
      Map<String, Double> out = new LinkedHashMap<>();
      in.forEach((k, v) -> out.put((String) k, v instanceof Number n ? n.doubleValue() : null));
      return out;
    }
  }
}
