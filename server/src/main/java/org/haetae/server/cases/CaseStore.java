package org.haetae.server.cases;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
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
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.TextFlag;

/**
 * Cases in PostgreSQL: a scan's analysis goes in as one transaction, so a reader sees the old
 * version of a case or the new one, never half; a reviewer's decisions on roles survive a new
 * import of the same case.
 */
public final class CaseStore {
  private static final int BATCH = 1000;

  private final DataSource db;

  public CaseStore(DataSource db) {
    this.db = db;
  }

  /** A case as listed. */
  public record CaseRow(
      UUID id, String title, long messages, long victims, long accounts, Instant importedAt) {}

  /** An account as listed, with its roles and any reviewer decision on each. */
  public record AccountRow(
      String key, int rank, String displayName, double score, List<RoleRow> roles) {}

  /**
   * @param role the role's word ({@code creator}, {@code distributor}, ...)
   * @param decision {@code confirmed}, {@code rejected}, or null while nobody has reviewed it
   */
  public record RoleRow(String role, String reason, long evidenceCount, String decision) {}

  /** Stores (or replaces) a case. */
  public UUID put(CaseAnalysis a, String title, String folder) throws SQLException {
    CaseInfo info = a.info();
    UUID id = UUID.fromString(info.caseId());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<String[]> decisions = keepDecisions(c, id);
        delete(c, id);
        insertCase(c, id, a, title, folder);
        insertExports(c, id, info.exports());
        insertChats(c, id, a.chats());
        insertAccounts(c, id, a.accounts());
        insertMedia(c, id, a.media());
        insertMatches(c, id, a.matches());
        insertFlags(c, id, a.flags());
        insertFindings(c, id, a.findings());
        restoreDecisions(c, id, decisions);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return id;
  }

  public List<CaseRow> cases() throws SQLException {
    List<CaseRow> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select c.id, c.title, c.messages, c.victims, c.imported_at,"
                    + " (select count(*) from accounts a where a.case_id = c.id)"
                    + " from cases c order by c.imported_at desc");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(
            new CaseRow(
                r.getObject(1, UUID.class),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                r.getLong(6),
                r.getTimestamp(5).toInstant()));
      }
    }
    return out;
  }

  /** One page of a case's accounts, highest score first. */
  public List<AccountRow> accounts(UUID caseId, int offset, int limit) throws SQLException {
    record Head(String key, int rank, String name, double score) {}
    List<Head> heads = new ArrayList<>();
    java.util.Map<String, List<RoleRow>> roles = new java.util.HashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "select key, rank, display_name, score from accounts where case_id = ?"
                  + " order by rank offset ? limit ?")) {
        s.setObject(1, caseId);
        s.setInt(2, offset);
        s.setInt(3, limit);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            heads.add(new Head(r.getString(1), r.getInt(2), r.getString(3), r.getDouble(4)));
          }
        }
      }
      // The page's roles in one query, not one per account.
      try (PreparedStatement s =
          c.prepareStatement(
              "select account_key, role, reason, evidence_count, decision from role_claims"
                  + " where case_id = ? and account_key = any(?) order by account_key, role")) {
        s.setObject(1, caseId);
        s.setArray(2, c.createArrayOf("text", heads.stream().map(Head::key).toArray()));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            roles
                .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(new RoleRow(r.getString(2), r.getString(3), r.getLong(4), r.getString(5)));
          }
        }
      }
    }
    List<AccountRow> out = new ArrayList<>();
    for (Head h : heads) {
      out.add(
          new AccountRow(
              h.key(), h.rank(), h.name(), h.score(), roles.getOrDefault(h.key(), List.of())));
    }
    return out;
  }

  /**
   * A reviewer confirms or rejects a role; the decision and who made it go into the audit trail.
   *
   * @return false when the case has no such claim
   */
  public boolean decide(UUID caseId, String account, Role role, boolean confirmed, String by)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      int n;
      try (PreparedStatement s =
          c.prepareStatement(
              "update role_claims set decision = ?, decided_by = ?, decided_at = now()"
                  + " where case_id = ? and account_key = ? and role = ?")) {
        s.setString(1, confirmed ? "confirmed" : "rejected");
        s.setString(2, by);
        s.setObject(3, caseId);
        s.setString(4, account);
        s.setString(5, role.code());
        n = s.executeUpdate();
      }
      if (n == 1) {
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into audit (actor, action, case_id, target, detail)"
                    + " values (?, 'role_decided', ?, ?, ?::jsonb)")) {
          s.setString(1, by);
          s.setObject(2, caseId);
          s.setString(3, account + "/" + role.code());
          s.setString(
              4,
              Json.of(
                  g -> {
                    g.writeStartObject();
                    g.writeStringField("decision", confirmed ? "confirmed" : "rejected");
                    g.writeEndObject();
                  }));
          s.executeUpdate();
        }
      }
      c.commit();
      return n == 1;
    }
  }

  private static List<String[]> keepDecisions(Connection c, UUID id) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select account_key, role, decision, decided_by, decided_at::text from role_claims"
                + " where case_id = ? and decision is not null")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new String[] {
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)
              });
        }
      }
    }
    return out;
  }

  private static void restoreDecisions(Connection c, UUID id, List<String[]> decisions)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "update role_claims set decision = ?, decided_by = ?, decided_at = ?::timestamptz"
                + " where case_id = ? and account_key = ? and role = ?")) {
      for (String[] d : decisions) {
        s.setString(1, d[2]);
        s.setString(2, d[3]);
        s.setString(3, d[4]);
        s.setObject(4, id);
        s.setString(5, d[0]);
        s.setString(6, d[1]);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void delete(Connection c, UUID id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("delete from cases where id = ?")) {
      s.setObject(1, id);
      s.executeUpdate();
    }
  }

  private static void insertCase(Connection c, UUID id, CaseAnalysis a, String title, String folder)
      throws SQLException {
    CaseInfo i = a.info();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into cases (id, title, folder, generated_at, custody_head, merkle_root,"
                + " custody_entries, messages, media_files, matched_messages, victims, banks,"
                + " max_distance, min_quality) values (?,?,?,?::timestamptz,?,?,?,?,?,?,?,?,?,?)")) {
      s.setObject(1, id);
      s.setString(2, title);
      s.setString(3, folder);
      s.setString(4, i.generatedAt());
      s.setString(5, i.custodyHead());
      s.setString(6, i.merkleRoot());
      s.setLong(7, i.custodyEntries());
      s.setLong(8, i.messages());
      s.setLong(9, i.mediaFiles());
      s.setLong(10, i.matchedMessages());
      s.setLong(11, i.victims());
      s.setArray(12, c.createArrayOf("text", i.banks().toArray()));
      s.setInt(13, i.maxDistance());
      s.setInt(14, i.minQuality());
      s.executeUpdate();
    }
  }

  private static void insertExports(Connection c, UUID id, List<ExportInfo> exports)
      throws SQLException {
    batch(
        c,
        "insert into case_exports (case_id, export_id, path, result_sha256, shape, owner,"
            + " chats, messages, media_files) values (?,?,?,?,?,?,?,?,?)",
        id,
        exports,
        (s, e) -> {
          s.setString(2, e.id());
          s.setString(3, e.path());
          s.setString(4, e.resultSha256());
          s.setString(5, e.shape());
          s.setString(6, e.owner());
          s.setLong(7, e.chats());
          s.setLong(8, e.messages());
          s.setLong(9, e.mediaFiles());
        });
  }

  private static void insertChats(Connection c, UUID id, List<ChatSummary> chats)
      throws SQLException {
    batch(
        c,
        "insert into chats (case_id, key, telegram_id, type, name, messages, members,"
            + " matched_media, first_date, last_date) values (?,?,?,?,?,?,?,?,?,?)",
        id,
        chats,
        (s, ch) -> {
          s.setString(2, ch.key());
          setLong(s, 3, ch.telegramId());
          s.setString(4, ch.type());
          s.setString(5, clean(ch.name()));
          s.setLong(6, ch.messages());
          s.setLong(7, ch.members());
          s.setLong(8, ch.matchedMedia());
          s.setTimestamp(9, time(ch.firstDate()));
          s.setTimestamp(10, time(ch.lastDate()));
        });
  }

  private static void insertAccounts(Connection c, UUID id, List<ActorProfile> accounts)
      throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "insert into accounts (case_id, key, rank, display_name, named_only, names,"
                    + " usernames, chats, messages, score) values (?,?,?,?,?,?::jsonb,?,?,?,?)");
        PreparedStatement roles =
            c.prepareStatement(
                "insert into role_claims (case_id, account_key, role, reason, evidence,"
                    + " evidence_count) values (?,?,?,?,?::jsonb,?)")) {
      int rank = 0;
      int pending = 0;
      for (ActorProfile p : accounts) {
        s.setObject(1, id);
        s.setString(2, p.key());
        s.setInt(3, ++rank);
        s.setString(4, clean(p.displayName()));
        s.setBoolean(5, p.namedOnly());
        s.setString(6, clean(Json.names(p.names())));
        s.setArray(7, textArray(c, p.usernames()));
        s.setArray(8, textArray(c, p.chats()));
        s.setLong(9, p.messages());
        s.setDouble(10, p.score());
        s.addBatch();
        for (RoleClaim r : p.roles()) {
          roles.setObject(1, id);
          roles.setString(2, p.key());
          roles.setString(3, r.role().code());
          roles.setString(4, clean(r.reason()));
          roles.setString(5, Json.refs(r.evidence()));
          roles.setLong(6, r.evidenceCount());
          roles.addBatch();
        }
        if (++pending == BATCH) {
          s.executeBatch();
          roles.executeBatch();
          pending = 0;
        }
      }
      s.executeBatch();
      roles.executeBatch();
    }
  }

  private static void insertMedia(Connection c, UUID id, List<MediaItem> media)
      throws SQLException {
    batch(
        c,
        "insert into media (case_id, sha256, md5, pdq, quality, kind, path, cluster, matched,"
            + " message_count, messages, first_seen, faces, explicit, explicit_model,"
            + " explicit_classes, explicit_top, width, height)"
            + " values (?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?::jsonb,?,?,?)",
        id,
        media,
        (s, m) -> {
          s.setString(2, m.sha256());
          s.setString(3, m.md5());
          s.setString(4, m.pdq());
          s.setInt(5, m.quality());
          s.setString(6, m.kind());
          s.setString(7, clean(m.path()));
          s.setInt(8, m.cluster());
          s.setBoolean(9, m.matched());
          s.setLong(10, m.messageCount());
          s.setString(11, Json.refs(m.messages()));
          s.setTimestamp(
              12,
              time(
                  m.messages().stream()
                      .mapToLong(MessageRef::dateUnix)
                      .filter(d -> d != 0)
                      .boxed()
                      .min(Long::compare)
                      .orElse(null)));
          ImageSignals x = m.signals();
          boolean scored = x != null && x.explicit() != null;
          setInt(s, 13, x == null ? null : x.faces());
          setDouble(s, 14, scored ? x.explicit() : null);
          s.setString(15, scored ? clean(x.model()) : null);
          s.setString(16, scored ? clean(Json.scores(x.classes())) : null);
          s.setString(17, scored ? x.top() : null);
          setInt(s, 18, x == null || x.width() <= 0 ? null : x.width());
          setInt(s, 19, x == null || x.height() <= 0 ? null : x.height());
        });
    record Post(String sha256, MessageRef ref) {}
    List<Post> posts = new ArrayList<>();
    for (MediaItem m : media) {
      for (MessageRef r : m.messages()) {
        posts.add(new Post(m.sha256(), r));
      }
    }
    batch(
        c,
        "insert into media_posts (case_id, sha256, chat_key, message_id, date)"
            + " values (?,?,?,?,?)",
        id,
        posts,
        (s, p) -> {
          s.setString(2, p.sha256());
          s.setString(3, p.ref().chatKey());
          setLong(s, 4, p.ref().messageId());
          s.setTimestamp(5, time(p.ref().dateUnix() == 0 ? null : p.ref().dateUnix()));
        });
  }

  private static void insertMatches(Connection c, UUID id, List<BankMatch> matches)
      throws SQLException {
    batch(
        c,
        "insert into matches (case_id, chat_key, message_id, date, export_id, media_sha256,"
            + " bank, entry_id, how, distance, labels, face_distance, face_similarity,"
            + " face_rank, face_box, face_model) values (?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?)",
        id,
        matches,
        (s, m) -> {
          MessageRef r = m.message();
          s.setString(2, r.chatKey());
          setLong(s, 3, r.messageId());
          s.setTimestamp(4, time(r.dateUnix() == 0 ? null : r.dateUnix()));
          s.setString(5, r.export());
          s.setString(6, m.mediaSha256());
          s.setString(7, m.bank());
          s.setString(8, m.entryId());
          s.setString(9, m.how());
          s.setInt(10, m.distance());
          s.setString(11, clean(Json.labels(m.labels())));
          FaceEvidence f = m.face();
          setDouble(s, 12, f == null ? null : f.distance());
          setDouble(s, 13, f == null ? null : f.similarity());
          setInt(s, 14, f == null ? null : f.rank());
          s.setArray(
              15,
              f == null
                  ? null
                  : s.getConnection()
                      .createArrayOf("float8", new Double[] {f.x(), f.y(), f.width(), f.height()}));
          s.setString(16, f == null ? null : clean(f.model()));
        });
  }

  private static void insertFlags(Connection c, UUID id, List<TextFlag> flags) throws SQLException {
    batch(
        c,
        "insert into flags (case_id, chat_key, message_id, date, account_key, category, rule,"
            + " excerpt) values (?,?,?,?,?,?,?,?)",
        id,
        flags,
        (s, f) -> {
          MessageRef r = f.message();
          s.setString(2, r.chatKey());
          setLong(s, 3, r.messageId());
          s.setTimestamp(4, time(r.dateUnix() == 0 ? null : r.dateUnix()));
          s.setString(5, f.actorKey());
          s.setString(6, f.category());
          s.setString(7, clean(f.rule()));
          s.setString(8, clean(f.excerpt()));
        });
  }

  private static void insertFindings(Connection c, UUID id, List<CaseFinding> findings)
      throws SQLException {
    batch(
        c,
        "insert into findings (case_id, kind, code, chat_key, message_id, detail)"
            + " values (?,?,?,?,?,?)",
        id,
        findings,
        (s, f) -> {
          s.setString(2, f.kind());
          s.setString(3, f.code());
          s.setString(4, f.message() == null ? null : f.message().chatKey());
          setLong(s, 5, f.message() == null ? null : f.message().messageId());
          s.setString(6, clean(f.detail()));
        });
  }

  /** Binds one item's columns after the case id. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement s, T item) throws SQLException;
  }

  /** Inserts rows in batches; parameter 1 of {@code sql} is always the case id. */
  private static <T> void batch(
      Connection c, String sql, UUID id, List<T> items, Binder<? super T> binder)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int pending = 0;
      for (T item : items) {
        s.setObject(1, id);
        binder.bind(s, item);
        s.addBatch();
        if (++pending == BATCH) {
          s.executeBatch();
          pending = 0;
        }
      }
      s.executeBatch();
    }
  }

  private static Array textArray(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.stream().map(CaseStore::clean).toArray());
  }

  private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.BIGINT);
    } else {
      s.setLong(i, v);
    }
  }

  private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setInt(i, v);
    }
  }

  private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null || v.isNaN() || v.isInfinite()) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }

  private static Timestamp time(Long unix) {
    return unix == null ? null : Timestamp.from(Instant.ofEpochSecond(unix));
  }

  /** PostgreSQL text cannot hold NUL, which exports can; it is replaced, not dropped. */
  static String clean(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }
}
