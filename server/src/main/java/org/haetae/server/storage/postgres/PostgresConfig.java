package org.haetae.server.storage.postgres;

import javax.sql.DataSource;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The service's stores: every one on the service's PostgreSQL pool. */
@Configuration
class PostgresConfig {
  @Bean
  PostgresStores postgresStores(
      DataSource db, JdbcClient jdbc, TransactionTemplate tx, PasswordEncoder passwords) {
    return new PostgresStores(db, jdbc, tx, passwords);
  }

  @Bean
  CaseImport caseImport(PostgresStores s) {
    return s.caseImport();
  }

  @Bean
  CaseReads caseReads(PostgresStores s) {
    return s.cases();
  }

  @Bean
  AccountReads accountReads(PostgresStores s) {
    return s.accounts();
  }

  @Bean
  MediaReads mediaReads(PostgresStores s) {
    return s.media();
  }

  @Bean
  Reviews reviews(PostgresStores s) {
    return s.reviews();
  }

  @Bean
  AuditLog auditLog(PostgresStores s) {
    return s.audit();
  }

  @Bean
  UserStore userStore(PostgresStores s) {
    return s.users();
  }

  @Bean
  ReportStore reportStore(PostgresStores s) {
    return s.reports();
  }

  @Bean
  RegisteredHashes registeredHashes(PostgresStores s) {
    return s.hashes();
  }

  @Bean
  FaceTemplateStore faceTemplateStore(PostgresStores s) {
    return s.faces();
  }

  @Bean
  NoticeStore noticeStore(PostgresStores s) {
    return s.notices();
  }

  @Bean
  Tallies tallies(PostgresStores s) {
    return s.tallies();
  }
}
