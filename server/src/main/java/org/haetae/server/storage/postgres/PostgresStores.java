package org.haetae.server.storage.postgres;

import javax.sql.DataSource;
import org.haetae.server.access.Passwords;
import org.haetae.server.storage.AccountReads;
import org.haetae.server.storage.AuditLog;
import org.haetae.server.storage.CaseImport;
import org.haetae.server.storage.CaseReads;
import org.haetae.server.storage.FaceTemplateStore;
import org.haetae.server.storage.MediaReads;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.RegisteredHashes;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.storage.Reviews;
import org.haetae.server.storage.Tallies;
import org.haetae.server.storage.UserStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every store on one PostgreSQL database: what the service's beans are made from ({@code
 * PostgresConfig}), and what the command line and tests use without the service.
 */
public final class PostgresStores {
  private final CaseImport caseImport;
  private final CaseReads cases;
  private final AccountReads accounts;
  private final MediaReads media;
  private final Reviews reviews;
  private final AuditLog audit;
  private final UserStore users;
  private final ReportStore reports;
  private final RegisteredHashes hashes;
  private final FaceTemplateStore faces;
  private final NoticeStore notices;
  private final Tallies tallies;

  /**
   * @param tx transactions on {@code db}: a store's own transaction joins one its caller opened
   */
  PostgresStores(
      DataSource db, JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder passwords) {
    this.audit = new PgAuditLog(jdbc);
    this.caseImport = new PgCaseImport(new JdbcTemplate(db), tx);
    this.cases = new PgCaseReads(jdbc);
    this.accounts = new PgAccountReads(jdbc);
    this.media = new PgMediaReads(jdbc);
    this.reviews = new PgReviews(jdbc, tx, audit);
    this.users = new PgUserStore(jdbc, passwords);
    this.reports = new PgReportStore(jdbc, tx);
    this.hashes = new PgRegisteredHashes(jdbc);
    this.faces = new PgFaceTemplateStore(jdbc, tx);
    this.notices = new PgNoticeStore(jdbc);
    this.tallies = new PgTallies(jdbc);
  }

  /** The stores on {@code db}, outside the service (passwords in bcrypt, as the service keeps). */
  public static PostgresStores on(DataSource db) {
    return new PostgresStores(
        db,
        JdbcClient.create(db),
        new TransactionTemplate(new DataSourceTransactionManager(db)),
        Passwords.bcrypt());
  }

  public CaseImport caseImport() {
    return caseImport;
  }

  public CaseReads cases() {
    return cases;
  }

  public AccountReads accounts() {
    return accounts;
  }

  public MediaReads media() {
    return media;
  }

  public Reviews reviews() {
    return reviews;
  }

  public AuditLog audit() {
    return audit;
  }

  public UserStore users() {
    return users;
  }

  public ReportStore reports() {
    return reports;
  }

  public RegisteredHashes hashes() {
    return hashes;
  }

  public FaceTemplateStore faces() {
    return faces;
  }

  public NoticeStore notices() {
    return notices;
  }

  public Tallies tallies() {
    return tallies;
  }
}
