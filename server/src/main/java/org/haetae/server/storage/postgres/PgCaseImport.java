package org.haetae.server.storage.postgres;

import static org.haetae.server.storage.postgres.Batches.BATCH;
import static org.haetae.server.storage.postgres.Batches.batch;
import static org.haetae.server.storage.postgres.Batches.setDouble;
import static org.haetae.server.storage.postgres.Batches.setInt;
import static org.haetae.server.storage.postgres.Batches.setLong;
import static org.haetae.server.storage.postgres.Batches.textArray;
import static org.haetae.server.storage.postgres.Batches.time;
import static org.haetae.server.storage.postgres.Columns.clean;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.result.TextFlag;
import org.haetae.server.storage.CaseImport;
import org.haetae.server.storage.Reviews.RoleDecision;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CaseImport} on PostgreSQL: the analysis goes in with batched inserts on one connection, in
 * one transaction.
 */
final class PgCaseImport implements CaseImport {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  PgCaseImport(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public UUID put(CaseAnalysis a, String title, String folder) {
    CaseInfo info = a.info();
    UUID id = UUID.fromString(info.caseId());
    tx.executeWithoutResult(
        s ->
            jdbc.execute(
                (ConnectionCallback<Void>)
                    c -> {
                      List<RoleDecision> decisions = keepDecisions(c, id);
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
                      return null;
                    }));
    return id;
  }

  /** The reviewers' decisions on the case's roles, to put back after the new import. */
  private static List<RoleDecision> keepDecisions(Connection c, UUID id) throws SQLException {
    List<RoleDecision> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select account_key, role, decision, decided_by, decided_at from role_claims"
                + " where case_id = ? and decision is not null")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(PgReviews.roleDecision(r));
        }
      }
    }
    return out;
  }

  private static void restoreDecisions(Connection c, UUID id, List<RoleDecision> decisions)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "update role_claims set decision = ?, decided_by = ?, decided_at = ?"
                + " where case_id = ? and account_key = ? and role = ?")) {
      for (RoleDecision d : decisions) {
        s.setString(1, d.decision().code());
        s.setString(2, d.decidedBy());
        s.setTimestamp(3, Columns.timestamp(d.decidedAt()));
        s.setObject(4, id);
        s.setString(5, d.accountKey());
        s.setString(6, d.role().code());
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
}
