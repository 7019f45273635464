package org.haetae.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.haetae.analysis.CaseAnalyzer;
import org.haetae.analysis.flags.Lexicon;
import org.haetae.analysis.intake.ExportIntake;
import org.haetae.analysis.media.MediaCatalog;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.Role;
import org.haetae.demo.export.SyntheticExport;
import org.haetae.server.cases.CaseStore;
import org.haetae.server.db.Database;
import org.haetae.telegram.read.ExportReader;
import org.haetae.telegram.read.ReadSummary;
import org.haetae.telegram.read.ReaderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case store against a real PostgreSQL server (the embedded default), across restarts. */
class CaseStoreTest {
  @TempDir Path tmp;

  private CaseAnalysis analyse() throws Exception {
    return analyseInto(tmp);
  }

  /** A case analysed from a generated export that holds every message variant. */
  CaseAnalysis analyseInto(Path dir) throws Exception {
    Path export = dir.resolve("export");
    SyntheticExport.write(
        export, SyntheticExport.Options.everyVariant(3, SyntheticExport.Shape.ACCOUNT));
    MediaCatalog none = MediaCatalog.NONE;
    try (CaseAnalyzer a =
        new CaseAnalyzer(new CaseAnalyzer.Settings(31, 50), none, Lexicon.builtIn(), null)) {
      ExportIntake in = a.intake("e1");
      ReadSummary s = new ExportReader(export, ReaderOptions.DEFAULT).read(in);
      a.exportRead(in, export.toString(), "0".repeat(64), s.shape(), s.chats());
      return a.finish(
          new CaseAnalyzer.Context(
              UUID.randomUUID().toString(),
              "2026-01-01T00:00:00Z",
              List.of("victims"),
              "1".repeat(64),
              "2".repeat(64),
              10,
              List.of()));
    }
  }

  /**
   * The migrations the service ships (V8 added the face stage's results, V9 the portal's face
   * templates, V10 face leads on reports): a new database gets all.
   */
  private static long migrations() throws Exception {
    Path dir = Path.of(CaseStoreTest.class.getClassLoader().getResource("db/migration").toURI());
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
    }
  }

  private static long count(Database db, String table, UUID id) throws Exception {
    try (Connection c = db.connection();
        java.sql.PreparedStatement s =
            c.prepareStatement("select count(*) from " + table + " where case_id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void storesACaseKeepsDecisionsAcrossImportsAndRestarts() throws Exception {
    CaseAnalysis analysis = analyse();
    Path data = tmp.resolve("data");
    UUID id;
    String account;
    try (Database db = Database.open(new Database.Settings(null, null, null, data.resolve("pg")))) {
      assertThat(db.embedded()).isTrue();
      assertThat(db.migrationsApplied()).isEqualTo(migrations()).isGreaterThanOrEqualTo(10);
      CaseStore store = new CaseStore(db.dataSource());
      id = store.put(analysis, "demo", tmp.toString());
      assertThat(store.cases()).extracting(CaseStore.CaseRow::id).containsExactly(id);
      assertThat(store.cases().get(0).accounts()).isEqualTo(analysis.accounts().size());

      List<CaseStore.AccountRow> first = store.accounts(id, 0, 2);
      assertThat(first).hasSize(2);
      assertThat(first.get(0).score()).isGreaterThanOrEqualTo(first.get(1).score());
      assertThat(store.accounts(id, 1, 1).get(0).key()).isEqualTo(first.get(1).key());
      account = first.get(0).key();
      Role role = Role.ofCode(first.get(0).roles().get(0).role());
      assertThat(store.decide(id, account, role, false, "reviewer1")).isTrue();
      assertThat(store.decide(id, "user0", role, true, "reviewer1")).isFalse();

      assertThat(count(db, "chats", id)).isEqualTo(analysis.chats().size());
      assertThat(count(db, "flags", id)).isEqualTo(analysis.flags().size()).isPositive();
      assertThat(count(db, "findings", id)).isEqualTo(analysis.findings().size()).isPositive();
      assertThat(count(db, "role_claims", id))
          .isEqualTo(analysis.accounts().stream().mapToLong(p -> p.roles().size()).sum());

      // A new import of the same case keeps the decision and holds each row once.
      store.put(analysis, "demo", tmp.toString());
      assertThat(store.accounts(id, 0, 1).get(0).roles().get(0).decision()).isEqualTo("rejected");
      try (Connection c = db.connection();
          ResultSet r =
              c.createStatement()
                  .executeQuery("select count(*) from accounts where case_id = '" + id + "'")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(analysis.accounts().size());
      }
      try (Connection c = db.connection();
          ResultSet r =
              c.createStatement()
                  .executeQuery("select actor, action, target from audit order by id")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("reviewer1");
        assertThat(r.getString(2)).isEqualTo("role_decided");
      }
    }
    // The data folder outlives the server: a new start finds the case and migrates nothing.
    try (Database db = Database.open(new Database.Settings(null, null, null, data.resolve("pg")))) {
      assertThat(db.migrationsApplied()).isZero();
      CaseStore store = new CaseStore(db.dataSource());
      assertThat(store.cases()).extracting(CaseStore.CaseRow::id).containsExactly(id);
      assertThat(store.accounts(id, 0, 1).get(0).key()).isEqualTo(account);
    }
  }
}
