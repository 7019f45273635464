package org.haetae.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.haetae.analysis.result.ActorProfile;
import org.haetae.analysis.result.CaseAnalysis;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.server.accounts.AccountQueries;
import org.haetae.server.audit.AuditTrail;
import org.haetae.server.db.Database;
import org.haetae.server.web.Pager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/** What the pages read, against the real (embedded) PostgreSQL. */
class CaseReadsTest {
  @TempDir Path tmp;

  @Test
  void dashboardAccountsAndFlagReviewsReadWhatTheScanFound() throws Exception {
    CaseAnalysis analysis = new org.haetae.server.CaseStoreTestAccess().analyse(tmp);
    try (Database db =
        Database.open(new Database.Settings(null, null, null, tmp.resolve("data/pg")))) {
      JdbcClient jdbc = JdbcClient.create(db.dataSource());
      CaseStore store = new CaseStore(db.dataSource());
      UUID id = store.put(analysis, "reads", tmp.toString());
      CaseOverview overview = new CaseOverview(jdbc);
      AccountQueries accounts = new AccountQueries(jdbc);

      CaseOverview.Summary s = overview.summary(id);
      assertThat(s.title()).isEqualTo("reads");
      assertThat(s.rooms()).isEqualTo(analysis.chats().size());
      assertThat(s.accounts()).isEqualTo(analysis.accounts().size());
      assertThat(s.flags()).isEqualTo(analysis.flags().size()).isPositive();
      assertThat(s.flagsToReview()).isEqualTo(s.flags());
      assertThat(s.findings()).isEqualTo(analysis.findings().size());
      assertThat(overview.rooms(id, Pager.of(0, 2))).hasSizeLessThanOrEqualTo(2);
      assertThatThrownBy(() -> overview.summary(UUID.randomUUID()))
          .isInstanceOf(ResponseStatusException.class);

      // An account's roles come back with every message they cite, in the analysis' order.
      ActorProfile top =
          analysis.accounts().stream().filter(p -> !p.roles().isEmpty()).findFirst().orElseThrow();
      Map<String, List<AccountQueries.Role>> roles =
          accounts.rolesOf(id, List.of(top.key(), "nobody"));
      assertThat(roles).containsOnlyKeys(top.key());
      for (RoleClaim claim : top.roles()) {
        AccountQueries.Role r =
            roles.get(top.key()).stream()
                .filter(x -> x.role().equals(claim.role().code()))
                .findFirst()
                .orElseThrow();
        assertThat(r.evidence()).containsExactlyInAnyOrderElementsOf(claim.evidence());
        assertThat(r.evidenceCount()).isEqualTo(claim.evidenceCount());
      }
      String room = top.chats().get(0);
      assertThat(accounts.members(id, room, Pager.of(0, 200)))
          .extracting(AccountQueries.Member::key)
          .contains(top.key());
      assertThat(accounts.memberCount(id, room)).isPositive();

      // A flag's review survives a new import of the case, which replaces the flags.
      FlagReviews reviews =
          new FlagReviews(
              jdbc,
              new AuditTrail(jdbc),
              new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
      CaseOverview.FlagRow flag = overview.flags(id, null, null, Pager.of(0, 1)).get(0);
      assertThat(reviews.decide(id, flag.id(), true, "reviewer")).isTrue();
      assertThat(reviews.decide(id, -1, true, "reviewer")).isFalse();
      store.put(analysis, "reads", tmp.toString());
      assertThat(overview.summary(id).flagsToReview()).isEqualTo(s.flags() - 1);
      List<CaseOverview.FlagRow> after =
          overview.flags(id, flag.category(), null, Pager.of(0, 200));
      assertThat(after)
          .filteredOn(f -> "confirmed".equals(f.decision()))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.chatKey()).isEqualTo(flag.chatKey());
                assertThat(f.messageId()).isEqualTo(flag.messageId());
                assertThat(f.decidedBy()).isEqualTo("reviewer");
              });
      // Unreviewed flags come first.
      assertThat(after.get(after.size() - 1).decision()).isEqualTo("confirmed");
      assertThat(new AuditTrail(jdbc).ofCase(id, 0, 10))
          .extracting(AuditTrail.Entry::action)
          .contains("flag_confirmed");
    }
  }

  @Test
  void pagingIsCheckedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> Pager.of(-1, 10)).isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(0, 0)).isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(0, Pager.MAX_SIZE + 1))
        .isInstanceOf(ResponseStatusException.class);
    assertThatThrownBy(() -> Pager.of(Pager.MAX_OFFSET, 2))
        .isInstanceOf(ResponseStatusException.class);
    Pager p = Pager.of(2, 10).withTotal(25);
    assertThat(p.offset()).isEqualTo(20);
    assertThat(p.from()).isEqualTo(21);
    assertThat(p.to()).isEqualTo(25);
    assertThat(p.pages()).isEqualTo(3);
    assertThat(p.hasNext()).isFalse();
    assertThat(p.hasPrevious()).isTrue();
    Pager empty = Pager.of(0, 10).withTotal(0);
    assertThat(empty.from()).isZero();
    assertThat(empty.pages()).isEqualTo(1);
    assertThat(empty.hasNext()).isFalse();
  }
}
